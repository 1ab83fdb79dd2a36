package io.athanor.orm.model.tracked;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A parcel on a shelf, with an embedded place: enhanced, but compared at every flush. */
@Entity
@Table(name = "trk_parcels")
public class Parcel {
    @Id
    @GeneratedValue
    private Long id;
    @Column(length = 40, nullable = false)
    private String label;
    @Embedded
    private Place place;
    @ManyToOne
    @JoinColumn(name = "shelf_id")
    private Shelf shelf;

    protected Parcel() {
    }

    public Parcel(String label, Place place) {
        this.label = label;
        this.place = place;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public Place getPlace() {
        return place;
    }

    public Shelf getShelf() {
        return shelf;
    }

    public void setShelf(Shelf shelf) {
        this.shelf = shelf;
    }
}

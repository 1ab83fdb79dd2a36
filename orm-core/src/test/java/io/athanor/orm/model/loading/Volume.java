package io.athanor.orm.model.loading;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A volume on a shelf. */
@Entity
@Table(name = "volumes")
public class Volume {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String title;

    @ManyToOne
    @JoinColumn(name = "shelf_id")
    private Shelf shelf;

    protected Volume() {
    }

    @SuppressWarnings("this-escape") // joins the other side's collection, as an application's entity would
    public Volume(String title, Shelf shelf) {
        this.title = title;
        this.shelf = shelf;
        shelf.getVolumes().add(this);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Shelf getShelf() {
        return shelf;
    }
}

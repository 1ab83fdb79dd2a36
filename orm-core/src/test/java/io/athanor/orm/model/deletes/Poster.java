package io.athanor.orm.model.deletes;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A poster on a shelf, or on none (the shelf's dynamic collection). */
@Entity
@Table(name = "del_posters")
public class Poster {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String label;

    @ManyToOne
    @JoinColumn(name = "shelf_id")
    private Shelf shelf;

    protected Poster() {
    }

    public Poster(String label, Shelf shelf) {
        this.label = label;
        this.shelf = shelf;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public Shelf getShelf() {
        return shelf;
    }

    public void setShelf(Shelf shelf) {
        this.shelf = shelf;
    }
}

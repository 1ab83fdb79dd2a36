package io.athanor.orm.model.deletes;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A box on a shelf: its {@code shelf_id} is NOT NULL. */
@Entity
@Table(name = "del_boxes")
public class Box {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String label;

    @ManyToOne(optional = false)
    @JoinColumn(name = "shelf_id", nullable = false)
    private Shelf shelf;

    protected Box() {
    }

    public Box(String label, Shelf shelf) {
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

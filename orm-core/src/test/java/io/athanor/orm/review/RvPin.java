package io.athanor.orm.review;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A pin that always sits on a shelf: a joined load of its shelf is an inner join. */
@Entity
@Table(name = "rv_pins")
public class RvPin {
    @Id
    @GeneratedValue
    Long id;
    @Column(length = 20)
    String label;
    @ManyToOne(optional = false)
    @JoinColumn(name = "shelf_id", nullable = false)
    RvShelf shelf;

    protected RvPin() {
    }

    RvPin(String label, RvShelf shelf) {
        this.label = label;
        this.shelf = shelf;
    }
}

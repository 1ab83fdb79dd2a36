package io.athanor.examples.docs.loading;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A line of a purchase, for paths two levels deep. */
@Entity
@Table(name = "purchase_lines")
public class Line {
    @Id @GeneratedValue
    private Long id;

    private int quantity;

    @ManyToOne @JoinColumn(name = "purchase_id")
    private Purchase purchase;

    protected Line() {
    }

    public Line(int quantity, Purchase purchase) {
        this.quantity = quantity;
        this.purchase = purchase;
    }

    public Long getId() {
        return id;
    }

    public int getQuantity() {
        return quantity;
    }

    public Purchase getPurchase() {
        return purchase;
    }
}

package io.athanor.examples.model.shards;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.util.UUID;

/** A sale of a store; UUID keys never collide across shards. */
@Entity
@Table(name = "sales")
public class Sale {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    private Integer amount;

    @ManyToOne
    @JoinColumn(name = "store_id")
    private Store store;

    protected Sale() {
    }

    Sale(Store store, int amount) {
        this.store = store;
        this.amount = amount;
    }

    public UUID getId() {
        return id;
    }

    public Integer getAmount() {
        return amount;
    }

    public Store getStore() {
        return store;
    }
}

package io.athanor.orm.model.shards;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.util.UUID;

/** A customer's purchase, in its customer's shard; keyed by UUID so keys never collide across shards. */
@Entity
@Table(name = "purchases")
public class Purchase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(length = 40)
    private String product;

    private Integer amount;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    private Customer customer;

    protected Purchase() {
    }

    public Purchase(String product, int amount) {
        this.product = product;
        this.amount = amount;
    }

    public UUID getId() {
        return id;
    }

    public String getProduct() {
        return product;
    }

    public Integer getAmount() {
        return amount;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }
}

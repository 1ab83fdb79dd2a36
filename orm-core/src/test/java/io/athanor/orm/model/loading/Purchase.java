package io.athanor.orm.model.loading;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A purchase: a lazy reference to its customer and lazy lines. */
@Entity
@Table(name = "purchases")
public class Purchase {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String item;

    private long amount;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @OneToMany(mappedBy = "purchase")
    private List<Line> lines = new ArrayList<>();

    protected Purchase() {
    }

    public Purchase(String item, long amount, Customer customer) {
        this.item = item;
        this.amount = amount;
        this.customer = customer;
    }

    public Long getId() {
        return id;
    }

    public String getItem() {
        return item;
    }

    public long getAmount() {
        return amount;
    }

    public void setAmount(long amount) {
        this.amount = amount;
    }

    public Customer getCustomer() {
        return customer;
    }

    public List<Line> getLines() {
        return lines;
    }
}

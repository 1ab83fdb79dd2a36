package io.athanor.orm.model.loading;

import io.athanor.orm.DynamicCollection;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A customer whose purchases load lazily unless a query says otherwise, and whose notes are a query object. */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @OneToMany(mappedBy = "customer", orderBy = "item")
    private List<Purchase> purchases = new ArrayList<>();

    @OneToMany(mappedBy = "customer", fetch = FetchMode.DYNAMIC, orphanRemoval = true)
    private DynamicCollection<Note> notes = DynamicCollection.of();

    protected Customer() {
    }

    public Customer(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Purchase> getPurchases() {
        return purchases;
    }

    public DynamicCollection<Note> getNotes() {
        return notes;
    }

    public Purchase buy(String item, long amount) {
        Purchase p = new Purchase(item, amount, this);
        purchases.add(p);
        return p;
    }

    @Override
    public String toString() {
        return "Customer " + name;
    }
}

package io.athanor.examples.docs.loading;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A customer whose purchases and notes load lazily unless a query says otherwise. */
@Entity
@Table(name = "customers")
public class Customer {
    @Id @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @Embedded
    private Address address;

    @OneToMany(mappedBy = "customer", orderBy = "item")
    private List<Purchase> purchases = new ArrayList<>();

    @OneToMany(mappedBy = "customer")
    private List<Note> notes = new ArrayList<>();

    protected Customer() {
    }

    public Customer(String name, Address address) {
        this.name = name;
        this.address = address;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Address getAddress() {
        return address;
    }

    public List<Purchase> getPurchases() {
        return purchases;
    }

    public List<Note> getNotes() {
        return notes;
    }
}

package io.athanor.orm.model.reports;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A client with bills (one-to-many, lazy, ordered by key, orphans deleted). */
@Entity
@Table(name = "clients")
public class Client {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @OneToMany(mappedBy = "client", orderBy = "id", orphanRemoval = true)
    private List<Bill> bills = new ArrayList<>();

    protected Client() {
    }

    public Client(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Bill> getBills() {
        return bills;
    }

    public Bill bill(String status, long amount) {
        Bill b = new Bill(status, amount, this);
        bills.add(b);
        return b;
    }

    @Override
    public String toString() {
        return "Client " + name;
    }
}

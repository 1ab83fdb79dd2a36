package io.athanor.orm.model.shards;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A sharded customer: an assigned key (so two shards may both have customer 1) and the region that places it. */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    private Long id;

    @Column(length = 40)
    private String name;

    @Column(length = 10)
    private String region;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
    private List<Purchase> purchases = new ArrayList<>();

    protected Customer() {
    }

    public Customer(long id, String name, String region) {
        this.id = id;
        this.name = name;
        this.region = region;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }

    public List<Purchase> getPurchases() {
        return purchases;
    }
}

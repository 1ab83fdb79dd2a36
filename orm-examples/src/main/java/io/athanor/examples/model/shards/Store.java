package io.athanor.examples.model.shards;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A store, in the shard of its region; its key is assigned. */
@Entity
@Table(name = "stores")
public class Store {
    @Id
    private Long id;

    @Column(length = 50)
    private String name;

    @Column(length = 10)
    private String region;

    @OneToMany(mappedBy = "store", cascade = CascadeType.ALL)
    private List<Sale> sales = new ArrayList<>();

    protected Store() {
    }

    public Store(long id, String name, String region) {
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

    public List<Sale> getSales() {
        return sales;
    }

    /** Adds a sale to this store (and so to its shard). */
    public Sale sell(int amount) {
        Sale sale = new Sale(this, amount);
        sales.add(sale);
        return sale;
    }
}

package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A shop: its products (from a mapped superclass's relationship) and its payments (a single-table hierarchy). */
@Entity
@Table(name = "inh_shop")
public class Shop extends Audited<Long> {
    private String name;

    @OneToMany(mappedBy = "shop", orderBy = "title")
    private List<Product> products = new ArrayList<>();

    @OneToMany(mappedBy = "shop", orderBy = "amount", cascade = CascadeType.ALL)
    private List<Payment> payments = new ArrayList<>();

    protected Shop() {
    }

    public Shop(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Product> getProducts() {
        return products;
    }

    public List<Payment> getPayments() {
        return payments;
    }
}

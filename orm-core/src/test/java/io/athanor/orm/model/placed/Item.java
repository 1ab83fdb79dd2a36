package io.athanor.orm.model.placed;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A child read with a joined to-one (so its statement reads joined rows), whose own parts load select-in: a load
 * of items runs a load of parts inside it.
 */
@Entity
@Table(name = "plc_items")
public class Item {
    @Id
    private Long id;
    @Column(length = 40, nullable = false)
    private String name;
    @ManyToOne
    @JoinColumn(name = "shop_id")
    private Shop shop;
    @ManyToOne(fetch = FetchMode.JOINED)
    @JoinColumn(name = "brand_id")
    private Brand brand;
    @OneToMany(mappedBy = "item", fetch = FetchMode.SELECTIN, orderBy = "id")
    private List<Part> parts = new ArrayList<>();

    protected Item() {
    }

    public Item(Long id, String name, Shop shop, Brand brand) {
        this.id = id;
        this.name = name;
        this.shop = shop;
        this.brand = brand;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Shop getShop() {
        return shop;
    }

    public Brand getBrand() {
        return brand;
    }

    public List<Part> getParts() {
        return parts;
    }
}

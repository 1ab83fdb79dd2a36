package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Table;

/** An entity whose key, version, audit column and shop all come from mapped superclasses. */
@Entity
@Table(name = "inh_product")
public class Product extends ShopItem<Long> {
    private String title;

    protected Product() {
    }

    @SuppressWarnings("this-escape") // links the new instance to its parent, as the tests expect
    public Product(String title, Shop shop) {
        this.title = title;
        setShop(shop);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}

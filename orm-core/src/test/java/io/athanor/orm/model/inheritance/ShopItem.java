package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.MappedSuperclass;

/** A mapped superclass with a relationship: whatever belongs to a shop. */
@MappedSuperclass
public abstract class ShopItem<ID> extends Audited<ID> {
    @ManyToOne
    @JoinColumn(name = "shop_id")
    private Shop shop;

    public Shop getShop() {
        return shop;
    }

    public void setShop(Shop shop) {
        this.shop = shop;
    }
}

package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.DiscriminatorColumn;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** The abstract root of a single-table hierarchy: every payment in one table, told apart by {@code kind}. */
@Entity
@Table(name = "inh_payment")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 20)
public abstract class Payment extends BaseEntity<Long> {
    private long amount;

    @ManyToOne
    @JoinColumn(name = "shop_id")
    private Shop shop;

    protected Payment() {
    }

    protected Payment(long amount, Shop shop) {
        this.amount = amount;
        this.shop = shop;
    }

    public long getAmount() {
        return amount;
    }

    public void setAmount(long amount) {
        this.amount = amount;
    }

    public Shop getShop() {
        return shop;
    }

    public void setShop(Shop shop) {
        this.shop = shop;
    }

    /** What the payment is, for assertions. */
    public String describe() {
        return getClass().getSimpleName() + ":" + amount;
    }
}

package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.Entity;

/** A bank transfer; without @DiscriminatorValue its rows have {@code kind = 'WirePayment'}, the entity name. */
@Entity
public class WirePayment extends Payment {
    private String iban;

    protected WirePayment() {
    }

    public WirePayment(long amount, Shop shop, String iban) {
        super(amount, shop);
        this.iban = iban;
    }

    public String getIban() {
        return iban;
    }

    public void setIban(String iban) {
        this.iban = iban;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + iban;
    }
}

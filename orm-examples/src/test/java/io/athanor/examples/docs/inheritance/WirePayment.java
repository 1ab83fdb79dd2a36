package io.athanor.examples.docs.inheritance;

import io.athanor.orm.annotations.Entity;

/** A transfer; its rows have {@code kind = 'WirePayment'}, the entity name. */
@Entity
public class WirePayment extends Payment {
    private String iban;

    protected WirePayment() {
    }

    public WirePayment(long amount, String iban) {
        super(amount);
        this.iban = iban;
    }
}

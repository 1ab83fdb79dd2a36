package io.athanor.examples.docs.inheritance;

import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;

// tag::subclass[]
@Entity
@DiscriminatorValue("card")
public class CardPayment extends Payment {
    private String cardNumber;

    protected CardPayment() {
    }

    public CardPayment(long amount, String cardNumber) {
        super(amount);
        this.cardNumber = cardNumber;
    }
}
// end::subclass[]

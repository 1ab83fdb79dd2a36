package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;

/** A card payment, rows with {@code kind = 'card'}. */
@Entity
@DiscriminatorValue("card")
public class CardPayment extends Payment {
    private String cardNumber;

    protected CardPayment() {
    }

    public CardPayment(long amount, Shop shop, String cardNumber) {
        super(amount, shop);
        this.cardNumber = cardNumber;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + cardNumber;
    }
}

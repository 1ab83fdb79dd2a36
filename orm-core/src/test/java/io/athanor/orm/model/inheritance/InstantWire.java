package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;

/** A third level: an instant transfer is a wire payment too. */
@Entity
@DiscriminatorValue("instant")
public class InstantWire extends WirePayment {
    private String network;

    protected InstantWire() {
    }

    public InstantWire(long amount, Shop shop, String iban, String network) {
        super(amount, shop, iban);
        this.network = network;
    }

    public String getNetwork() {
        return network;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + network;
    }
}

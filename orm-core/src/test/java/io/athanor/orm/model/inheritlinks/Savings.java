package io.athanor.orm.model.inheritlinks;

import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;

/** A savings account, with a rate of its own. */
@Entity
@DiscriminatorValue("savings")
public class Savings extends Account {
    private int ratePermille;

    protected Savings() {
    }

    public Savings(long id, String region, long balance, int ratePermille) {
        super(id, region, balance);
        this.ratePermille = ratePermille;
    }

    public int getRatePermille() {
        return ratePermille;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + ratePermille;
    }
}

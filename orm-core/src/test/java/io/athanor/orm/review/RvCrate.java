package io.athanor.orm.review;

import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;

/** A second subclass with a column of its own. */
@Entity
@DiscriminatorValue("crate")
public class RvCrate extends RvItem {
    Integer weight;

    protected RvCrate() {
    }

    RvCrate(int amount, int weight) {
        super(amount);
        this.weight = weight;
    }
}

package io.athanor.orm.review;

import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.model.records.GeoPoint;

/** A subclass with a record embeddable. */
@Entity
@DiscriminatorValue("box")
public class RvBox extends RvItem {
    String label;
    @Embedded
    GeoPoint spot;

    protected RvBox() {
    }

    RvBox(int amount, String label, GeoPoint spot) {
        super(amount);
        this.label = label;
        this.spot = spot;
    }
}

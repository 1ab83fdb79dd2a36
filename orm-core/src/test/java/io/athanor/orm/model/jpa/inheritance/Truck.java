package io.athanor.orm.model.jpa.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A truck: {@code vtype = 'T'}. */
@Entity
@DiscriminatorValue("T")
public class Truck extends Vehicle {
    private Long payload;

    protected Truck() {
    }

    public Truck(String maker, Garage garage, long payload) {
        super(maker, garage);
        this.payload = payload;
    }

    public Long getPayload() {
        return payload;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + payload;
    }
}

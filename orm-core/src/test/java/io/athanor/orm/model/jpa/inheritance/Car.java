package io.athanor.orm.model.jpa.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A car: {@code vtype = 'C'}. */
@Entity
@DiscriminatorValue("C")
public class Car extends Vehicle {
    private Integer seats;

    protected Car() {
    }

    public Car(String maker, Garage garage, int seats) {
        super(maker, garage);
        this.seats = seats;
    }

    public Integer getSeats() {
        return seats;
    }

    public void setSeats(Integer seats) {
        this.seats = seats;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + seats;
    }
}

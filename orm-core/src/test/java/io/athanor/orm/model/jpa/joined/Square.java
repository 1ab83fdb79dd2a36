package io.athanor.orm.model.jpa.joined;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A square, in {@code jpj_square} keyed by {@code id}; its discriminator value is its entity name. */
@Entity
@Table(name = "jpj_square")
public class Square extends Shape {
    private double side;

    protected Square() {
    }

    public Square(String label, double side) {
        super(label);
        this.side = side;
    }

    public double getSide() {
        return side;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + side;
    }
}

package io.athanor.orm.model.jpa.joined;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/** A circle, in {@code jpj_circle} keyed by {@code shape_id}, with discriminator value {@code C}. */
@Entity
@Table(name = "jpj_circle")
@DiscriminatorValue("C")
@PrimaryKeyJoinColumn(name = "shape_id")
public class Circle extends Shape {
    private double radius;

    protected Circle() {
    }

    public Circle(String label, double radius) {
        super(label);
        this.radius = radius;
    }

    public double getRadius() {
        return radius;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + radius;
    }
}

package io.athanor.orm.model.jpa.inheritance;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The root of a single-table hierarchy with a CHAR discriminator. */
@Entity
@Table(name = "jpa_vehicles")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "vtype", discriminatorType = DiscriminatorType.CHAR)
public abstract class Vehicle extends Identified<Long> {
    private String maker;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "garage_id")
    private Garage garage;

    protected Vehicle() {
    }

    protected Vehicle(String maker, Garage garage) {
        this.maker = maker;
        this.garage = garage;
    }

    public String getMaker() {
        return maker;
    }

    public void setMaker(String maker) {
        this.maker = maker;
    }

    public Garage getGarage() {
        return garage;
    }

    /** What the vehicle is, for assertions. */
    public String describe() {
        return getClass().getSimpleName() + ":" + maker;
    }
}

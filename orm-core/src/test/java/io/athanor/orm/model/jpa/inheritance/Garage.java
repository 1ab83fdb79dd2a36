package io.athanor.orm.model.jpa.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A garage holding vehicles of every kind. */
@Entity
@Table(name = "jpa_garages")
public class Garage extends Identified<Long> {
    private String name;

    @OneToMany(mappedBy = "garage")
    @OrderBy("maker")
    private List<Vehicle> vehicles = new ArrayList<>();

    protected Garage() {
    }

    public Garage(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public List<Vehicle> getVehicles() {
        return vehicles;
    }
}

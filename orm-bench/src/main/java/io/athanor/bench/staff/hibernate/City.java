package io.athanor.bench.staff.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code cities} mapped for Hibernate. */
@Entity(name = "HCity")
@Table(name = "cities")
public class City {
    @Id
    private Long id;
    private String name;

    protected City() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}

package io.athanor.bench.staff.athanor;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** {@code cities} mapped for Athanor. */
@Entity
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

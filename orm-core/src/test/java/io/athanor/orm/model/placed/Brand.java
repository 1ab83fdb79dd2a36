package io.athanor.orm.model.placed;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A brand that labels and items refer to. */
@Entity
@Table(name = "plc_brands")
public class Brand {
    @Id
    private Long id;
    @Column(length = 40, nullable = false)
    private String name;

    protected Brand() {
    }

    public Brand(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}

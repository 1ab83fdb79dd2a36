package io.athanor.orm.model.coded;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A child that refers to its region by code. */
@Entity
@Table(name = "cod_towns")
public class Town {
    @Id
    private Long id;
    @Column(length = 40, nullable = false)
    private String name;
    @ManyToOne
    @JoinColumn(name = "region_code")
    private Region region;

    protected Town() {
    }

    public Town(Long id, String name, Region region) {
        this.id = id;
        this.name = name;
        this.region = region;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Region getRegion() {
        return region;
    }
}

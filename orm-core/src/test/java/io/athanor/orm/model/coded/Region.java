package io.athanor.orm.model.coded;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A parent keyed by a text code, its towns loaded select-in. */
@Entity
@Table(name = "cod_regions")
public class Region {
    @Id
    @Column(length = 10)
    private String code;
    @Column(length = 40, nullable = false)
    private String name;
    @OneToMany(mappedBy = "region", fetch = FetchMode.SELECTIN, orderBy = "id")
    private List<Town> towns = new ArrayList<>();

    protected Region() {
    }

    public Region(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public List<Town> getTowns() {
        return towns;
    }
}

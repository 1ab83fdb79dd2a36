package io.athanor.orm.model.placed;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A parent whose items (a list) and labels (a hash set) are loaded select-in into its own collections. */
@Entity
@Table(name = "plc_shops")
public class Shop {
    @Id
    private Long id;
    @Column(length = 40, nullable = false)
    private String name;
    @OneToMany(mappedBy = "shop", fetch = FetchMode.SELECTIN, orderBy = "id")
    private List<Item> items = new ArrayList<>();
    @OneToMany(mappedBy = "shop", fetch = FetchMode.SELECTIN)
    private Set<Label> labels = new HashSet<>();

    protected Shop() {
    }

    public Shop(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public List<Item> getItems() {
        return items;
    }

    public Set<Label> getLabels() {
        return labels;
    }
}

package io.athanor.orm.model.deletes;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A tray whose cups are orphans without it: {@code orphanRemoval = true}, no cascade. */
@Entity
@Table(name = "del_trays")
public class Tray {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String name;

    @OneToMany(mappedBy = "tray", orphanRemoval = true)
    private List<Cup> cups = new ArrayList<>();

    protected Tray() {
    }

    public Tray(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public List<Cup> getCups() {
        return cups;
    }
}

package io.athanor.orm.model.sync;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A band: the one side of Musician.band, its members a list. */
@Entity
@Table(name = "sync_bands")
public class Band implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @OneToMany(mappedBy = "band", cascade = CascadeType.PERSIST)
    private List<Musician> members = new ArrayList<>();

    /** Not mapped, and final: copied too when a lazy reference is serialised. */
    @io.athanor.orm.annotations.Transient
    private final List<String> remarks = new ArrayList<>(List.of("from Liverpool"));

    protected Band() {
    }

    public Band(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Musician> getMembers() {
        return members;
    }

    public List<String> getRemarks() {
        return remarks;
    }

    public void setMembers(List<Musician> members) {
        this.members = members;
    }

    @Override
    public String toString() {
        return name;
    }
}

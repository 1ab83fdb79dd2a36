package io.athanor.orm.model.sync;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A tour: the owning side of a many-to-many with musicians. */
@Entity
@Table(name = "sync_tours")
public class Tour implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @ManyToMany
    private List<Musician> musicians = new ArrayList<>();

    protected Tour() {
    }

    public Tour(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Musician> getMusicians() {
        return musicians;
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.athanor.orm.model.reports;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** An actor: the inverse side of {@link Film#getActors()}, its films ordered by title. */
@Entity
@Table(name = "actors")
public class Actor {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @ManyToMany(mappedBy = "actors", orderBy = "title")
    private List<Film> films = new ArrayList<>();

    protected Actor() {
    }

    public Actor(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Film> getFilms() {
        return films;
    }

    @Override
    public String toString() {
        return "Actor " + name;
    }
}

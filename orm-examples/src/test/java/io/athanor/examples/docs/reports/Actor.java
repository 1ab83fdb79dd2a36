package io.athanor.examples.docs.reports;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** An actor: the other side of {@link Film#getActors()}. */
@Entity
@Table(name = "actors")
public class Actor {
    @Id @GeneratedValue
    private Long id;

    private String name;

    @ManyToMany(mappedBy = "actors", orderBy = "title")
    private List<Film> films = new ArrayList<>();

    protected Actor() {
    }

    public Actor(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public List<Film> getFilms() {
        return films;
    }
}

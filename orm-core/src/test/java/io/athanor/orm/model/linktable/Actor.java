package io.athanor.orm.model.linktable;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** An actor, with the films that name it (the inverse side of {@link Film#getActors()}). */
@Entity
@Table(name = "lt_actor")
public class Actor {
    @Id
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @ManyToMany(mappedBy = "actors", orderBy = "title")
    private List<Film> films = new ArrayList<>();

    protected Actor() {
    }

    public Actor(long id, String name) {
        this.id = id;
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
}

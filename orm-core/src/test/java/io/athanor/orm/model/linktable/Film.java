package io.athanor.orm.model.linktable;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A film whose actors are navigated through {@code lt_film_actor}, which {@link FilmActor} maps too. */
@Entity
@Table(name = "lt_film")
public class Film {
    @Id
    private Long id;

    @Column(length = 50, nullable = false)
    private String title;

    // tag::link-table-entity[]
    // lt_film_actor is also the table of the FilmActor entity, which has the two link columns
    @ManyToMany(orderBy = "name")
    @JoinTable(name = "lt_film_actor", joinColumn = "film_id", inverseJoinColumn = "actor_id")
    private List<Actor> actors = new ArrayList<>();
    // end::link-table-entity[]

    protected Film() {
    }

    public Film(long id, String title) {
        this.id = id;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public List<Actor> getActors() {
        return actors;
    }
}

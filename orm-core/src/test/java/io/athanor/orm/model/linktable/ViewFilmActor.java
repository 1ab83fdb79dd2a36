package io.athanor.orm.model.linktable;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A row of the link table of {@link ViewFilm#getActors()}, with a NOT NULL column that has no default. */
@Entity
@Table(name = "lt_view_film_actor")
public class ViewFilmActor {
    @Id
    @Column(name = "film_id")
    private Long filmId;

    @Id
    @Column(name = "actor_id")
    private Long actorId;

    @Column(length = 40, nullable = false)
    private String role;

    protected ViewFilmActor() {
    }

    public ViewFilmActor(long filmId, long actorId, String role) {
        this.filmId = filmId;
        this.actorId = actorId;
        this.role = role;
    }

    public Long getFilmId() {
        return filmId;
    }

    public String getRole() {
        return role;
    }
}

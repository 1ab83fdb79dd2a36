package io.athanor.orm.model.linktable;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** Maps the link table of {@link BadFilm} with a NOT NULL column that has no server default. */
@Entity
@Table(name = "lt_bad_film_actor")
public class BadFilmActor {
    @Id
    @Column(name = "film_id")
    Long filmId;

    @Id
    @Column(name = "actor_id")
    Long actorId;

    @Column(nullable = false)
    String role;

    protected BadFilmActor() {
    }
}

package io.athanor.orm.model.linktable;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** Maps the link table of {@link LonelyFilm} without its {@code actor_id} column. */
@Entity
@Table(name = "lt_lonely_film_actor")
public class LonelyFilmActor {
    @Id
    @Column(name = "film_id")
    Long filmId;

    String note;

    protected LonelyFilmActor() {
    }
}

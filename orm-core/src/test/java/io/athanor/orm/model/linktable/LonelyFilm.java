package io.athanor.orm.model.linktable;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A film whose link table is mapped by {@link LonelyFilmActor}, which lacks one of the link columns. */
@Entity
@Table(name = "lt_lonely_film")
public class LonelyFilm {
    @Id
    Long id;

    @ManyToMany
    @JoinTable(name = "lt_lonely_film_actor", joinColumn = "film_id", inverseJoinColumn = "actor_id")
    List<Actor> actors = new ArrayList<>();

    protected LonelyFilm() {
    }
}

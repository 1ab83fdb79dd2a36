package io.athanor.orm.model.linktable;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A film whose actors are only navigated: {@link ViewFilmActor} writes the rows of the link table. */
@Entity
@Table(name = "lt_view_film")
public class ViewFilm {
    @Id
    private Long id;

    // tag::view-only[]
    // navigation only: rows of lt_view_film_actor are written as ViewFilmActor instances
    @ManyToMany(viewOnly = true, orderBy = "name")
    @JoinTable(name = "lt_view_film_actor", joinColumn = "film_id", inverseJoinColumn = "actor_id")
    private List<Actor> actors = new ArrayList<>();
    // end::view-only[]

    protected ViewFilm() {
    }

    public ViewFilm(long id) {
        this.id = id;
    }

    public List<Actor> getActors() {
        return actors;
    }
}

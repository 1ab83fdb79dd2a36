package io.athanor.orm.model.linktable;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

// tag::link-entity[]
/** A row of the link table of {@link Film#getActors()}, with columns of its own. */
@Entity
@Table(name = "lt_film_actor")
public class FilmActor {
    @Id
    @Column(name = "film_id")
    private Long filmId;

    @Id
    @Column(name = "actor_id")
    private Long actorId;

    // a link row inserted through Film.actors takes the server default
    @Column(nullable = false, serverDefault = "0")
    private Integer billing;

    @Column(length = 40)
    private String role;
    // end::link-entity[]

    protected FilmActor() {
    }

    public FilmActor(long filmId, long actorId, int billing, String role) {
        this.filmId = filmId;
        this.actorId = actorId;
        this.billing = billing;
        this.role = role;
    }

    public Long getFilmId() {
        return filmId;
    }

    public Long getActorId() {
        return actorId;
    }

    public Integer getBilling() {
        return billing;
    }

    public void setBilling(Integer billing) {
        this.billing = billing;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}

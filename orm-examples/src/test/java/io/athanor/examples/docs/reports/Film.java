package io.athanor.examples.docs.reports;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A film and its cast, through a link table, ordered by name. */
@Entity
@Table(name = "films")
public class Film {
    @Id @GeneratedValue
    private Long id;

    private String title;

    @ManyToMany(orderBy = "name")
    private List<Actor> actors = new ArrayList<>();

    protected Film() {
    }

    public Film(String title, Actor... actors) {
        this.title = title;
        this.actors.addAll(List.of(actors));
    }

    public String getTitle() {
        return title;
    }

    public List<Actor> getActors() {
        return actors;
    }
}

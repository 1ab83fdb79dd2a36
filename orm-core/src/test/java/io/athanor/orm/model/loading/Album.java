package io.athanor.orm.model.loading;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Strategies chosen on the mapping: tracks JOINED, genres (many-to-many) lazy. */
@Entity
@Table(name = "albums")
public class Album {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String title;

    @OneToMany(mappedBy = "album", fetch = FetchMode.JOINED, orderBy = "position")
    private List<Track> tracks = new ArrayList<>();

    @ManyToMany
    private Set<Genre> genres = new LinkedHashSet<>();

    protected Album() {
    }

    public Album(String title) {
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public List<Track> getTracks() {
        return tracks;
    }

    public Set<Genre> getGenres() {
        return genres;
    }
}

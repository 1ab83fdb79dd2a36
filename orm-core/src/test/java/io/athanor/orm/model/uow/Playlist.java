package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A collection with delete-orphan, loaded with SELECTIN. */
@Entity
public class Playlist {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @OneToMany(mappedBy = "playlist", fetch = FetchMode.SELECTIN, cascade = CascadeType.ALL, orphanRemoval = true,
            orderBy = "position")
    public List<Track> tracks = new ArrayList<>();

    public Playlist() {
    }

    public Playlist(String name) {
        this.name = name;
    }
}

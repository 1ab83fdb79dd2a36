package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToOne;

@Entity
public class Track {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    public int position;

    @ManyToOne(optional = false)
    public Playlist playlist;

    public Track() {
    }

    public Track(String title, int position, Playlist playlist) {
        this.title = title;
        this.position = position;
        this.playlist = playlist;
    }
}

package io.athanor.orm.model.loading;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A track; its album is RAISE on the mapping, so that reaching it needs an explicit option. */
@Entity
@Table(name = "tracks")
public class Track {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String title;

    private int position;

    @ManyToOne(fetch = FetchMode.RAISE)
    @JoinColumn(name = "album_id")
    private Album album;

    protected Track() {
    }

    public Track(String title, int position, Album album) {
        this.title = title;
        this.position = position;
        this.album = album;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Album getAlbum() {
        return album;
    }
}

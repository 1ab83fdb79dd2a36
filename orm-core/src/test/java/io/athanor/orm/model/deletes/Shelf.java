package io.athanor.orm.model.deletes;

import io.athanor.orm.DynamicCollection;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A parent of three kinds of children, none cascaded: boxes (NOT NULL key), stickers, and posters (dynamic). */
@Entity
@Table(name = "del_shelves")
public class Shelf {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40, unique = true)
    private String name;

    @OneToMany(mappedBy = "shelf")
    private List<Box> boxes = new ArrayList<>();

    @OneToMany(mappedBy = "shelf")
    private List<Sticker> stickers = new ArrayList<>();

    @OneToMany(mappedBy = "shelf", fetch = FetchMode.DYNAMIC)
    private DynamicCollection<Poster> posters = DynamicCollection.of();

    protected Shelf() {
    }

    public Shelf(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Box> getBoxes() {
        return boxes;
    }

    public List<Sticker> getStickers() {
        return stickers;
    }

    public DynamicCollection<Poster> getPosters() {
        return posters;
    }
}

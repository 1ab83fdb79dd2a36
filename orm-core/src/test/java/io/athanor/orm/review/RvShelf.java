package io.athanor.orm.review;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A parent that owns no link table itself but cascades PERSIST to volumes, which do. */
@Entity
@Table(name = "rv_shelves")
public class RvShelf {
    @Id
    @GeneratedValue
    Long id;
    @Column(length = 20)
    String name;
    @OneToMany(mappedBy = "shelf", cascade = CascadeType.PERSIST)
    List<RvVolume> volumes = new ArrayList<>();

    protected RvShelf() {
    }

    RvShelf(String name) {
        this.name = name;
    }
}

package io.athanor.orm.review;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A child on a shelf, owning a many-to-many to topics. */
@Entity
@Table(name = "rv_volumes")
public class RvVolume {
    @Id
    @GeneratedValue
    Long id;
    @Column(length = 20)
    String title;
    @ManyToOne
    RvShelf shelf;
    @ManyToMany
    Set<RvTopic> topics = new LinkedHashSet<>();

    protected RvVolume() {
    }

    RvVolume(String title) {
        this.title = title;
    }
}

package io.athanor.orm.review;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** The target of {@link RvVolume}'s many-to-many. */
@Entity
@Table(name = "rv_topics")
public class RvTopic {
    @Id
    @GeneratedValue
    Long id;
    @Column(length = 20)
    String name;

    protected RvTopic() {
    }

    RvTopic(String name) {
        this.name = name;
    }
}

package io.athanor.orm.review;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Version;

/** An assigned key and a primitive version. */
@Entity
@Table(name = "rv_counters")
public class RvCounter {
    @Id
    Long id;
    int hits;
    @Version
    long version;

    protected RvCounter() {
    }

    RvCounter(long id) {
        this.id = id;
    }
}

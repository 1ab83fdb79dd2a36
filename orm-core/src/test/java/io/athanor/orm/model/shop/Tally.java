package io.athanor.orm.model.shop;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A counter without a version: read-modify-write on it is only safe under a lock. */
@Entity
@Table(name = "shop_tallies")
public class Tally {
    @Id
    @GeneratedValue
    private Long id;

    private long count;

    public Long getId() {
        return id;
    }

    public long getCount() {
        return count;
    }

    public void setCount(long count) {
        this.count = count;
    }
}

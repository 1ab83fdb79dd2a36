package io.athanor.orm.model.records;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embeddable;

/** A record with a primitive component: its columns are NOT NULL, so it is never null. */
@Embeddable
public record Money(long cents, @Column(length = 3) String currency) {
    public Money {
        if (cents < 0) {
            throw new IllegalArgumentException("negative amount");
        }
    }
}

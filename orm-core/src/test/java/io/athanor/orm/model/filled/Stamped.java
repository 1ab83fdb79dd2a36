package io.athanor.orm.model.filled;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.MappedSuperclass;

/** A superclass whose mapped field a class generated in this package can write (it is not private). */
@MappedSuperclass
public abstract class Stamped {
    @Column(length = 20)
    String stampedBy;

    public String getStampedBy() {
        return stampedBy;
    }
}

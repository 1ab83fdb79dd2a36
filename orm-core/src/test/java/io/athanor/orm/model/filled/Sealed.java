package io.athanor.orm.model.filled;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.MappedSuperclass;

/** A superclass with a private mapped field: its subclasses load the general way. */
@MappedSuperclass
public abstract class Sealed {
    @Column(length = 20)
    private String sealedBy;

    public String getSealedBy() {
        return sealedBy;
    }

    protected void sealedBy(String by) {
        this.sealedBy = by;
    }
}

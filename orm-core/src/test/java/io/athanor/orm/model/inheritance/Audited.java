package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.MappedSuperclass;

/** A second level of mapped superclass: who created the row. */
@MappedSuperclass
public abstract class Audited<ID> extends BaseEntity<ID> {
    @Column(length = 40)
    private String createdBy;

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }
}

package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.MappedSuperclass;
import io.athanor.orm.annotations.Version;

/** The generic base of every entity here: a generated key of the entity's choosing and a version. */
@MappedSuperclass
public abstract class BaseEntity<ID> {
    @Id
    @GeneratedValue
    private ID id;

    @Version
    private Long version;

    public ID getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }
}

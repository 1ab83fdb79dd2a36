package io.athanor.orm.model.jpa.inheritance;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** The key and version every entity here inherits. */
@MappedSuperclass
public abstract class Identified<ID> {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private ID id;

    @Version
    private Integer version;

    public ID getId() {
        return id;
    }

    public Integer getVersion() {
        return version;
    }
}

package io.athanor.orm.model.jpa;

/** Stored by ordinal: JPA's default for an enum without {@code @Enumerated}. */
public enum Status {
    ACTIVE, SUSPENDED, CLOSED
}

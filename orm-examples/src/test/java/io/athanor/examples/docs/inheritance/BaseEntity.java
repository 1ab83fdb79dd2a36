package io.athanor.examples.docs.inheritance;

import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.MappedSuperclass;
import io.athanor.orm.annotations.Version;
import java.time.Instant;

// tag::mapped-superclass[]
@MappedSuperclass
public abstract class BaseEntity<ID> {
    @Id @GeneratedValue
    private ID id;

    @Version
    private long version;

    private Instant createdAt = Instant.now();

    public ID getId() {
        return id;
    }
}
// end::mapped-superclass[]

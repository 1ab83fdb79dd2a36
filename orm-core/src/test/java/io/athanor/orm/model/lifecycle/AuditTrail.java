package io.athanor.orm.model.lifecycle;

import io.athanor.orm.annotations.PostLoad;
import io.athanor.orm.annotations.PostPersist;
import io.athanor.orm.annotations.PreUpdate;

// tag::listener[]
/** Notes on each invoice what happened to it; one instance serves every session, so it keeps no state. */
public class AuditTrail {
    @PostPersist
    void inserted(Invoice invoice) {
        invoice.trail.add("audit:PostPersist");
    }

    @PreUpdate
    void changing(Invoice invoice) {
        invoice.trail.add("audit:PreUpdate");
        invoice.revision++;                    // written by the same UPDATE
    }

    @PostLoad
    void loaded(Object entity) {               // any entity that names this listener
        ((Invoice) entity).trail.add("audit:PostLoad");
    }
}
// end::listener[]

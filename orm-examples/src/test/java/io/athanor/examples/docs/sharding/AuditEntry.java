package io.athanor.examples.docs.sharding;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** An audit log entry, kept in a database of its own. */
@Entity
@Table(name = "audit_entries")
public class AuditEntry {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 100)
    private String action;

    protected AuditEntry() {
    }

    public AuditEntry(String action) {
        this.action = action;
    }

    public String getAction() {
        return action;
    }
}

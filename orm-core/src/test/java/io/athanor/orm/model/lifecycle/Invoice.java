package io.athanor.orm.model.lifecycle;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.CreatedAt;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.EntityListeners;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.PostLoad;
import io.athanor.orm.annotations.PreUpdate;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.UpdatedAt;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

// tag::invoice[]
@Entity
@Table(name = "invoices")
@EntityListeners(AuditTrail.class)
public class Invoice {
    @Id
    @GeneratedValue
    public Long id;
    @Column(precision = 10, scale = 2)
    public BigDecimal amount;
    public int revision;
    @CreatedAt
    public Instant createdAt;                  // set at session.add, never updated
    @UpdatedAt
    public LocalDateTime updatedAt;            // set at session.add and at each flush that finds it changed
    public transient List<String> trail = new ArrayList<>();

    @PreUpdate
    void changing() {                          // after the listener's @PreUpdate
        trail.add("own:PreUpdate");
    }

    @PostLoad
    private void loaded() {
        trail.add("own:PostLoad");
    }
    // end::invoice[]

    protected Invoice() {
    }

    public Invoice(BigDecimal amount) {
        this.amount = amount;
    }
}

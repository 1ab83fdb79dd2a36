package io.athanor.orm.faults;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A row the fault tests write; {@code n} says who wrote it, and lets a trigger stop a statement at one row. */
@Entity
@Table(name = "fault_rows")
public class FaultRow {
    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private long n;

    @Column(length = 40, nullable = false)
    private String payload;

    protected FaultRow() {
    }

    public FaultRow(long n, String payload) {
        this.n = n;
        this.payload = payload;
    }

    public Long getId() {
        return id;
    }

    public long getN() {
        return n;
    }

    public String getPayload() {
        return payload;
    }
}

package io.athanor.orm.model.bulk;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Version;

/** A versioned row of three text columns. */
@Entity
@Table(name = "bulk_ledgers")
public class Ledger {
    @Id
    public Long id;

    @Column(length = 20)
    public String a;

    @Column(length = 20)
    public String b;

    @Column(length = 20)
    public String c;

    @Version
    public Integer version;

    protected Ledger() {
    }

    public Ledger(long id) {
        this.id = id;
        this.a = "a" + id;
        this.b = "b" + id;
        this.c = "c" + id;
    }
}

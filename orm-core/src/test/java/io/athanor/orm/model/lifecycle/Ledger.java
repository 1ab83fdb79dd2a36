package io.athanor.orm.model.lifecycle;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Generated;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.time.LocalDateTime;

/**
 * A ledger line with columns the database sets: a generated column ({@code total}), a column a trigger (or
 * {@code ON UPDATE}) keeps current ({@code last_update}), and one set once by its default ({@code state}).
 */
@Entity
@Table(name = "ledgers")
public class Ledger {
    @Id
    @GeneratedValue
    public Long id;
    public int amount;
    public int quantity;
    @Generated
    public Integer total;
    @Generated
    public LocalDateTime lastUpdate;
    // tag::generated[]
    @Generated(Generated.Timing.INSERT)
    @Column(length = 10, serverDefault = "'new'")
    public String state;
    // end::generated[]

    protected Ledger() {
    }

    public Ledger(int amount, int quantity) {
        this.amount = amount;
        this.quantity = quantity;
    }
}

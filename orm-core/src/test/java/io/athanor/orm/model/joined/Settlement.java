package io.athanor.orm.model.joined;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A payment of an invoice: a to-one whose target is a joined subclass with a renamed key column. */
@Entity
@Table(name = "jn_settlement")
public class Settlement {
    @Id
    @GeneratedValue
    private Long id;

    private long amount;

    @ManyToOne
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;

    protected Settlement() {
    }

    public Settlement(long amount, Invoice invoice) {
        this.amount = amount;
        this.invoice = invoice;
    }

    public Long getId() {
        return id;
    }

    public long getAmount() {
        return amount;
    }

    public Invoice getInvoice() {
        return invoice;
    }
}

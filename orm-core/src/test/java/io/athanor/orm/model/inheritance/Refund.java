package io.athanor.orm.model.inheritance;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A refund of a payment: a to-one whose target is the hierarchy's root. */
@Entity
@Table(name = "inh_refund")
public class Refund {
    @Id
    @GeneratedValue
    private Long id;

    private String reason;

    @ManyToOne
    @JoinColumn(name = "payment_id")
    private Payment payment;

    protected Refund() {
    }

    public Refund(String reason, Payment payment) {
        this.reason = reason;
        this.payment = payment;
    }

    public Long getId() {
        return id;
    }

    public String getReason() {
        return reason;
    }

    public Payment getPayment() {
        return payment;
    }
}

package io.athanor.orm.model.reports;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A bill of a client, with a status to filter on. */
@Entity
@Table(name = "bills")
public class Bill {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 20, nullable = false)
    private String status;

    private long amount;

    @ManyToOne(optional = false)
    @JoinColumn(name = "client_id")
    private Client client;

    protected Bill() {
    }

    public Bill(String status, long amount, Client client) {
        this.status = status;
        this.amount = amount;
        this.client = client;
    }

    public Long getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public long getAmount() {
        return amount;
    }

    public Client getClient() {
        return client;
    }

    @Override
    public String toString() {
        return "Bill " + status + " " + amount;
    }
}

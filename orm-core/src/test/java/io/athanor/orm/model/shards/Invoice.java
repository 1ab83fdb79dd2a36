package io.athanor.orm.model.shards;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** An invoice, bound to the billing engine; it refers to an account on the primary. */
@Entity
@Table(name = "invoices")
public class Invoice {
    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private Integer amount;

    @Column(length = 20, unique = true)
    private String number;

    @ManyToOne
    @JoinColumn(name = "account_id")
    private Account account;

    protected Invoice() {
    }

    public Invoice(String number, int amount, Account account) {
        this.number = number;
        this.amount = amount;
        this.account = account;
    }

    public Long getId() {
        return id;
    }

    public Integer getAmount() {
        return amount;
    }

    public String getNumber() {
        return number;
    }

    public Account getAccount() {
        return account;
    }
}

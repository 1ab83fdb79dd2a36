package io.athanor.orm.spring.sample.model;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** An account of the sample application: a unique name and a balance. */
@Entity
@Table(name = "accounts")
public class Account {
    @Id @GeneratedValue
    private Long id;

    @Column(length = 50, unique = true, nullable = false)
    private String name;

    private long balance;

    protected Account() {
    }

    public Account(String name, long balance) {
        this.name = name;
        this.balance = balance;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getBalance() {
        return balance;
    }

    public void setBalance(long balance) {
        this.balance = balance;
    }
}

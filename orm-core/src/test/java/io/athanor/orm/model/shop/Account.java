package io.athanor.orm.model.shop;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Version;

/** A versioned row: updates and deletes check {@code version}. */
@Entity
@Table(name = "shop_accounts")
public class Account {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50)
    private String owner;

    private long balance;

    @Version
    private int version;

    protected Account() {
    }

    public Account(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public long getBalance() {
        return balance;
    }

    public void setBalance(long balance) {
        this.balance = balance;
    }

    public int getVersion() {
        return version;
    }
}

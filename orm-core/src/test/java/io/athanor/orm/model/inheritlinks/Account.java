package io.athanor.orm.model.inheritlinks;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.DiscriminatorColumn;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.Table;

/** The abstract root of a sharded single-table hierarchy: an assigned key, and the region that places it. */
@Entity
@Table(name = "il_account")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 20)
public abstract class Account {
    @Id
    private Long id;

    @Column(length = 10)
    private String region;

    private long balance;

    protected Account() {
    }

    protected Account(long id, String region, long balance) {
        this.id = id;
        this.region = region;
        this.balance = balance;
    }

    public Long getId() {
        return id;
    }

    public String getRegion() {
        return region;
    }

    public long getBalance() {
        return balance;
    }

    public void setBalance(long balance) {
        this.balance = balance;
    }

    /** What the account is, for assertions. */
    public String describe() {
        return getClass().getSimpleName() + ":" + id + ":" + region + ":" + balance;
    }
}

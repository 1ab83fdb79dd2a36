package io.athanor.orm.model.inheritlinks;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;

/** A checking account, with an overdraft limit of its own. */
@Entity
@DiscriminatorValue("checking")
public class Checking extends Account {
    @Column(name = "overdraft")
    private long overdraftLimit;

    protected Checking() {
    }

    public Checking(long id, String region, long balance, long overdraftLimit) {
        super(id, region, balance);
        this.overdraftLimit = overdraftLimit;
    }

    public void setOverdraftLimit(long overdraftLimit) {
        this.overdraftLimit = overdraftLimit;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + overdraftLimit;
    }
}

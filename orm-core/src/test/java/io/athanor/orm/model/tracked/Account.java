package io.athanor.orm.model.tracked;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;

/** An account: immutable columns, a primitive, and a to-one reference, so its writes are tracked. */
@Entity
@Table(name = "trk_accounts")
public class Account {
    @Id
    @GeneratedValue
    private Long id;
    @Column(length = 40, nullable = false)
    private String owner;
    private BigDecimal balance;
    private int visits;
    @ManyToOne(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "branch_id")
    private Branch branch;
    /** No setter: tests write it through reflection, which the enhanced class cannot see. */
    String note;

    protected Account() {
    }

    public Account(String owner, BigDecimal balance) {
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

    public BigDecimal getBalance() {
        return balance;
    }

    public int getVisits() {
        return visits;
    }

    /** One more visit: a write of a primitive field. */
    public void visit() {
        visits++;
    }

    public Branch getBranch() {
        return branch;
    }

    public void setBranch(Branch branch) {
        this.branch = branch;
    }

    public String getNote() {
        return note;
    }
}

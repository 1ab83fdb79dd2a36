package io.athanor.examples.docs.inheritance;

import io.athanor.orm.annotations.DiscriminatorColumn;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.Table;

// tag::root[]
@Entity
@Table(name = "payments")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 20)
public abstract class Payment extends BaseEntity<Long> {
    private long amount;

    protected Payment() {
    }

    protected Payment(long amount) {
        this.amount = amount;
    }

    public long getAmount() {
        return amount;
    }
}
// end::root[]

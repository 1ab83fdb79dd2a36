package io.athanor.orm.review;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.DiscriminatorColumn;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Generated;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.UpdatedAt;
import io.athanor.orm.annotations.Version;
import java.time.Instant;

/** The root of a single-table hierarchy with a version, a value the database sets and an update time. */
@Entity
@Table(name = "rv_items")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 10)
public abstract class RvItem {
    @Id
    @GeneratedValue
    Long id;
    int amount;
    @Version
    long version;
    @Generated(Generated.Timing.INSERT)
    @Column(length = 10, serverDefault = "'new'")
    String state;
    @UpdatedAt
    Instant touched;

    protected RvItem() {
    }

    RvItem(int amount) {
        this.amount = amount;
    }
}

package io.athanor.orm.model.converted;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A {@link Tally} field, mapped by the value type the factory registers for it. */
@Entity
@Table(name = "cnv_bins")
public class Bin {
    @Id
    public Long id;
    public Tally tally;

    protected Bin() {
    }

    public Bin(Long id, int count) {
        this.id = id;
        this.tally = new Tally(count);
    }
}

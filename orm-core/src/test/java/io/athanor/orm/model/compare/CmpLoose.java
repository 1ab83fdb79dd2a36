package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** Loaded by another class loader (another module, blind to Athanor's internals), so no comparator is generated for it. */
@Entity
@Table(name = "cmp_loose")
public class CmpLoose {
    @Id
    public Long id;
    public String name;
    public int count;

    public CmpLoose() {
    }
}

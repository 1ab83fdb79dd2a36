package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** Loaded by a class loader that cannot see Athanor's internals, so no comparator can be generated for it. */
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

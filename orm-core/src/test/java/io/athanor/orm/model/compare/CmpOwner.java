package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** The parent a {@link CmpAll} refers to. */
@Entity
@Table(name = "cmp_owner")
public class CmpOwner {
    @Id
    public Long id;
    public String name;

    public CmpOwner() {
    }

    public CmpOwner(long id, String name) {
        this.id = id;
        this.name = name;
    }
}

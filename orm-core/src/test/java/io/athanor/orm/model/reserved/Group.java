package io.athanor.orm.model.reserved;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A table named with a reserved word, and a column too. */
@Entity
@Table(name = "group")
public class Group {
    @Id
    Long id;
    @Column(name = "select", length = 40)
    String select;

    protected Group() {
    }
}

package io.athanor.orm.model.keys;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;

/** An entity referred to by a unique column other than its key. */
@Entity
public class Account {
    @Id
    Long id;
    @Column(unique = true, length = 100)
    String email;

    protected Account() {
    }
}

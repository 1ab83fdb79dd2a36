package io.athanor.orm.model.keys;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;

/** Refers to {@link Account} by email, not by id. */
@Entity
public class Login {
    @Id
    Long id;
    @ManyToOne
    @JoinColumn(name = "account_email", referencedColumnName = "email")
    Account account;

    protected Login() {
    }
}

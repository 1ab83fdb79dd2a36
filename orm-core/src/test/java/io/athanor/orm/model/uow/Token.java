package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.annotations.Id;
import java.util.UUID;

/** UUID keys made by Athanor. */
@Entity
public class Token {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    public String value;

    public Token() {
    }

    public Token(String value) {
        this.value = value;
    }
}

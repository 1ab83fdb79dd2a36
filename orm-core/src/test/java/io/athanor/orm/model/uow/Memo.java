package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Version;

/** A boxed version left null by its constructor. */
@Entity
public class Memo {
    @Id
    @GeneratedValue
    public Long id;

    public String text;

    @Version
    public Integer version;

    public Memo() {
    }

    public Memo(String text) {
        this.text = text;
    }
}

package io.athanor.orm.model.values;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A text of any length, for hostile strings. */
@Entity
@Table(name = "scraps")
public class Scrap {
    @Id
    public Long id;
    @Column(length = 1_000_000)
    public String body;
    public Character letter;

    public Scrap() {
    }

    public Scrap(long id, String body) {
        this.id = id;
        this.body = body;
    }
}

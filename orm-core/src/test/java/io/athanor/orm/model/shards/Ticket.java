package io.athanor.orm.model.shards;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** An entity with an IDENTITY key: refused when sharded. */
@Entity
@Table(name = "tickets")
public class Ticket {
    @Id
    @GeneratedValue
    private Long id;

    private String title;

    protected Ticket() {
    }
}

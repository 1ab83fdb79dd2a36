package io.athanor.orm.model.sync;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** Serialises through its own (private) writeReplace, the serialisation-proxy pattern. */
@Entity
@Table(name = "sync_venues")
public class Venue implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    protected Venue() {
    }

    public Venue(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** What a Venue is written as. */
    public record Data(Long id, String name) implements java.io.Serializable {
    }

    private Object writeReplace() {
        return new Data(id, name);
    }
}

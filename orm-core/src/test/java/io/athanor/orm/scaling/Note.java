package io.athanor.orm.scaling;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A row written on the primary and read back, maybe from a replica. */
@Entity
@Table(name = "scaling_notes")
public class Note {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 60, nullable = false)
    private String text;

    protected Note() {
    }

    public Note(String text) {
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }
}

package io.athanor.orm.model.values;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A short note with a generated key. */
@Entity
@Table(name = "notes")
public class Note {
    @Id
    @GeneratedValue
    public Long id;
    @Column(length = 200)
    public String text;

    public Note() {
    }

    public Note(String text) {
        this.text = text;
    }
}

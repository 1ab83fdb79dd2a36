package io.athanor.orm.model.joined;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Table;

/** A note: its body (required) in {@code jn_note}, keyed by the root's id column name. */
@Entity
@Table(name = "jn_note")
public class Note extends Doc {
    @Column(nullable = false)
    private String body;

    protected Note() {
    }

    public Note(String title, Folder folder, String body) {
        super(title, folder);
        this.body = body;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + body;
    }
}

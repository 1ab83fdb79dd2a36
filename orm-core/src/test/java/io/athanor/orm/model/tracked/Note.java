package io.athanor.orm.model.tracked;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.PreUpdate;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.UpdatedAt;
import io.athanor.orm.annotations.Version;
import java.time.Instant;

/**
 * A versioned note whose writes are tracked, with an update time and a {@code PreUpdate} callback that counts
 * its edits by writing a field of its own.
 */
@Entity
@Table(name = "trk_notes")
public class Note {
    @Id
    private Long id;
    @Column(length = 40)
    private String title;
    @Column(length = 40)
    private String body;
    private int edits;
    @Version
    private long version;
    @UpdatedAt
    private Instant touched;

    protected Note() {
    }

    public Note(long id, String title, String body) {
        this.id = id;
        this.title = title;
        this.body = body;
    }

    @PreUpdate
    void counted() {
        edits++;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public int getEdits() {
        return edits;
    }

    public long getVersion() {
        return version;
    }

    public Instant getTouched() {
        return touched;
    }
}

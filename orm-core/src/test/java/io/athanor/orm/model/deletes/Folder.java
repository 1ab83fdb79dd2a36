package io.athanor.orm.model.deletes;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A folder whose notes the database deletes with it: {@code passiveDeletes = true}. */
@Entity
@Table(name = "del_folders")
public class Folder {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String name;

    // tag::passive-deletes[]
    // del_notes.folder_id was declared ON DELETE CASCADE by the schema's owner
    @OneToMany(mappedBy = "folder", passiveDeletes = true)
    private List<Note> notes = new ArrayList<>();
    // end::passive-deletes[]

    protected Folder() {
    }

    public Folder(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Note> getNotes() {
        return notes;
    }
}

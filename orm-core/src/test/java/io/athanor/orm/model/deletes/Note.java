package io.athanor.orm.model.deletes;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A note in a folder (its {@code folder_id} has no ON DELETE in Athanor's DDL), owning its labels through
 * {@code note_labels}; deleting a note leaves the link rows to the database ({@code passiveDeletes = true}).
 */
@Entity
@Table(name = "del_notes")
public class Note {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String text;

    @ManyToOne
    @JoinColumn(name = "folder_id")
    private Folder folder;

    @ManyToMany(passiveDeletes = true)
    @JoinTable(name = "note_labels", joinColumn = "note_id", inverseJoinColumn = "label_id")
    private List<Label> labels = new ArrayList<>();

    protected Note() {
    }

    public Note(String text, Folder folder) {
        this.text = text;
        this.folder = folder;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public Folder getFolder() {
        return folder;
    }

    public List<Label> getLabels() {
        return labels;
    }
}

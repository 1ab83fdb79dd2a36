package io.athanor.orm.model.deletes;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** The inverse side of {@link Note#getLabels()}, not passive: deleting a label deletes its link rows itself. */
@Entity
@Table(name = "del_labels")
public class Label {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String name;

    @ManyToMany(mappedBy = "labels")
    private List<Note> notes = new ArrayList<>();

    protected Label() {
    }

    public Label(String name) {
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

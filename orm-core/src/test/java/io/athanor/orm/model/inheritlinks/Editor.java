package io.athanor.orm.model.inheritlinks;

import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.ManyToMany;
import java.util.ArrayList;
import java.util.List;

/** A member that edits topics: the owning side of a many-to-many declared on a single-table subclass. */
@Entity
@DiscriminatorValue("editor")
public class Editor extends Member {
    @ManyToMany(orderBy = "label")
    @JoinTable(name = "il_editor_topic", joinColumn = "editor_id", inverseJoinColumn = "topic_id")
    private List<Topic> topics = new ArrayList<>();

    protected Editor() {
    }

    public Editor(long id, String name) {
        super(id, name);
    }

    public List<Topic> getTopics() {
        return topics;
    }
}

package io.athanor.orm.model.inheritlinks;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A topic, with the editors that edit it (the inverse side, whose target is a single-table subclass). */
@Entity
@Table(name = "il_topic")
public class Topic {
    @Id
    private Long id;

    @Column(length = 40)
    private String label;

    @ManyToMany(mappedBy = "topics", orderBy = "name")
    private List<Editor> editors = new ArrayList<>();

    protected Topic() {
    }

    public Topic(long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public List<Editor> getEditors() {
        return editors;
    }
}

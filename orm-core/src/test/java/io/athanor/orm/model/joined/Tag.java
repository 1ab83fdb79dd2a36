package io.athanor.orm.model.joined;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A tag on documents of any class: a many-to-many whose target is the root of a joined hierarchy. */
@Entity
@Table(name = "jn_tag")
public class Tag {
    @Id
    @GeneratedValue
    private Long id;

    private String label;

    @ManyToMany
    @JoinTable(name = "jn_tag_doc", joinColumn = "tag_id", inverseJoinColumn = "doc_id")
    private List<Doc> docs = new ArrayList<>();

    protected Tag() {
    }

    public Tag(String label) {
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public List<Doc> getDocs() {
        return docs;
    }
}

package io.athanor.orm.model.reports;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A self-referencing tree of sections, every relationship lazy. */
@Entity
@Table(name = "sections")
public class Section {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    private Section parent;

    @OneToMany(mappedBy = "parent", orderBy = "name")
    private List<Section> children = new ArrayList<>();

    protected Section() {
    }

    @SuppressWarnings("this-escape") // links the new instance to its parent, as the tests expect
    public Section(String name, Section parent) {
        this.name = name;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Section getParent() {
        return parent;
    }

    public List<Section> getChildren() {
        return children;
    }

    @Override
    public String toString() {
        return "Section " + name;
    }
}

package io.athanor.orm.model.shop;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * A versioned self-referencing tree whose relationships both cascade MERGE (the parent is a to-one that
 * cascades it), so merging one folder reaches its parent, the parent's children, and itself again.
 */
@Entity
@Table(name = "shop_folders")
public class Folder {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50)
    private String name;

    @ManyToOne(cascade = CascadeType.MERGE)
    @JoinColumn(name = "parent_id")
    private Folder parent;

    @OneToMany(mappedBy = "parent", cascade = {CascadeType.PERSIST, CascadeType.MERGE})
    private List<Folder> children = new ArrayList<>();

    @Version
    private int version;

    protected Folder() {
    }

    /** A new folder under {@code parent} (which may be null), added to its children. */
    @SuppressWarnings("this-escape") // joins the other side's collection, as an application's entity would
    public Folder(String name, Folder parent) {
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

    public void setName(String name) {
        this.name = name;
    }

    public Folder getParent() {
        return parent;
    }

    public void setParent(Folder parent) {
        this.parent = parent;
    }

    public List<Folder> getChildren() {
        return children;
    }

    public int getVersion() {
        return version;
    }
}

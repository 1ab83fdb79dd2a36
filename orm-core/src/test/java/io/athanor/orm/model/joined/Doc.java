package io.athanor.orm.model.joined;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Version;

/** The abstract root of a joined hierarchy without a discriminator column: its id, version and title in {@code jn_doc}. */
@Entity
@Table(name = "jn_doc")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Doc {
    @Id
    @GeneratedValue
    private Long id;

    @Version
    private Integer version;

    private String title;

    @ManyToOne
    @JoinColumn(name = "folder_id")
    private Folder folder;

    protected Doc() {
    }

    protected Doc(String title, Folder folder) {
        this.title = title;
        this.folder = folder;
    }

    public Long getId() {
        return id;
    }

    public Integer getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Folder getFolder() {
        return folder;
    }

    public void setFolder(Folder folder) {
        this.folder = folder;
    }

    /** What the document is, for assertions. */
    public String describe() {
        return getClass().getSimpleName() + ":" + title;
    }
}

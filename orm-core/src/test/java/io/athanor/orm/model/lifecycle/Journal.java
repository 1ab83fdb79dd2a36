package io.athanor.orm.model.lifecycle;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.PrePersist;
import io.athanor.orm.annotations.PreUpdate;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A journal whose slug its callbacks keep in step with its title; its key comes from the database. */
@Entity
@Table(name = "journals")
public class Journal extends Recorded {
    @Id
    @GeneratedValue
    public Long id;
    @Column(length = 100)
    public String title;
    @Column(length = 100)
    public String slug;
    @OneToMany(mappedBy = "journal", cascade = CascadeType.ALL)
    private List<Page> pages = new ArrayList<>();

    protected Journal() {
    }

    public Journal(String title) {
        this.title = title;
    }

    public List<Page> getPages() {
        return pages;
    }

    public Page page(int number) {
        Page p = new Page(this, number);
        pages.add(p);
        return p;
    }

    @Override
    protected Object key() {
        return id;
    }

    @PrePersist
    void beforeInsert() {
        note("PrePersist");
        slug = slugOf(title);
    }

    @PreUpdate
    void beforeUpdate() {
        note("PreUpdate");
        slug = slugOf(title);
    }

    private static String slugOf(String title) {
        return title == null ? null : title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}

package io.athanor.orm.model.lifecycle;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.PrePersist;
import io.athanor.orm.annotations.Table;

/** A page of a {@link Journal}, added and deleted with it (cascade). */
@Entity
@Table(name = "pages")
public class Page extends Recorded {
    @Id
    @GeneratedValue
    public Long id;
    public int number;
    @ManyToOne
    private Journal journal;

    protected Page() {
    }

    Page(Journal journal, int number) {
        this.journal = journal;
        this.number = number;
    }

    public Journal getJournal() {
        return journal;
    }

    @Override
    protected Object key() {
        return id;
    }

    @PrePersist
    private void beforeInsert() {
        note("PrePersist");
    }
}

package io.athanor.orm.model.tracked;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A branch: immutable columns only, no collections, so its writes are tracked. */
@Entity
@Table(name = "trk_branches")
public class Branch {
    @Id
    @GeneratedValue
    private Long id;
    @Column(length = 40, nullable = false)
    private String name;

    protected Branch() {
    }

    public Branch(String name) {
        this.name = name;
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
}

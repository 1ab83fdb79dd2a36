package io.athanor.examples.docs.joined;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Table;

/** A magazine: a second subclass, in table {@code magazines} keyed by {@code id}. */
@Entity
@Table(name = "magazines")
public class Magazine extends Publication {
    private int issue;

    protected Magazine() {
    }

    public Magazine(String title, int issue) {
        super(title);
        this.issue = issue;
    }
}

package io.athanor.orm.model.inheritlinks;

import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Entity;

/** A sibling of {@link Editor} without topics: its rows share the table. */
@Entity
@DiscriminatorValue("viewer")
public class Viewer extends Member {
    protected Viewer() {
    }

    public Viewer(long id, String name) {
        super(id, name);
    }
}

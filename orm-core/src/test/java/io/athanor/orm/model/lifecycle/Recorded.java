package io.athanor.orm.model.lifecycle;

import io.athanor.orm.annotations.PostLoad;
import io.athanor.orm.annotations.PostPersist;
import io.athanor.orm.annotations.PostRemove;
import io.athanor.orm.annotations.PostUpdate;
import io.athanor.orm.annotations.PreRemove;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain superclass (not an entity) whose callback methods its entities inherit: each notes its call, with
 * the key the instance had then; {@link #failIn} names a callback that throws instead.
 */
public abstract class Recorded {
    public transient List<String> calls = new ArrayList<>();
    public transient String failIn;

    protected abstract Object key();

    protected void note(String kind) {
        if (calls == null) { // a lazy reference is made without running the constructor
            calls = new ArrayList<>();
        }
        if (kind.equals(failIn)) {
            throw new IllegalStateException(kind + " refused " + getClass().getSimpleName() + " " + key());
        }
        calls.add(kind + ":" + key());
    }

    @PostPersist
    void afterInsert() {
        note("PostPersist");
    }

    @PostUpdate
    protected void afterUpdate() {
        note("PostUpdate");
    }

    @PreRemove
    private void beforeDelete() {
        note("PreRemove");
    }

    @PostRemove
    public void afterDelete() {
        note("PostRemove");
    }

    @PostLoad
    void loaded() {
        note("PostLoad");
    }
}

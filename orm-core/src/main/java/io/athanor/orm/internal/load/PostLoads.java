package io.athanor.orm.internal.load;

import io.athanor.orm.internal.meta.EntityCallbacks;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code PostLoad} callbacks of the instances one session's reads filled, held until the outermost read has
 * attached what it loads (joined rows, select-in and subquery loads, link tables), then run in the order the
 * rows were read, as JPA runs them: after the instance is loaded with its eager state. A read outside any
 * query (a stream's row) runs them at once. One per session; its thread only.
 */
final class PostLoads {
    /** Pairs of (callbacks, instance), in the order the rows were read. */
    private final List<Object> pending = new ArrayList<>();
    private int depth;

    /** A read begins; returns the mark to give {@link #end(int, boolean)}. */
    int begin() {
        depth++;
        return pending.size();
    }

    /** {@code instance} was filled from a row: its callbacks run now, or when the outermost read ends. */
    void loaded(EntityCallbacks callbacks, Object instance) {
        if (!callbacks.has(EntityCallbacks.Kind.POST_LOAD)) {
            return;
        }
        if (depth == 0) {
            callbacks.fire(EntityCallbacks.Kind.POST_LOAD, instance);
            return;
        }
        pending.add(callbacks);
        pending.add(instance);
    }

    /** The callbacks held for {@code from} run on {@code to} instead (refresh reads into a copy). */
    void retarget(Object from, Object to) {
        for (int i = 1; i < pending.size(); i += 2) {
            if (pending.get(i) == from) {
                pending.set(i, to);
            }
        }
    }

    /**
     * The read begun at {@code mark} ended: when it was the outermost and {@code completed}, every held callback
     * runs, in order; a failed read drops those of its own instances.
     */
    void end(int mark, boolean completed) {
        depth--;
        if (!completed) {
            pending.subList(mark, pending.size()).clear();
            return;
        }
        if (depth > 0 || pending.isEmpty()) {
            return;
        }
        Object[] run = pending.toArray();
        pending.clear();
        for (int i = 0; i < run.length; i += 2) {
            ((EntityCallbacks) run[i]).fire(EntityCallbacks.Kind.POST_LOAD, run[i + 1]);
        }
    }
}

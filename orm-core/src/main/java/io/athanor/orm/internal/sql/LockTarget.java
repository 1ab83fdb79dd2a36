package io.athanor.orm.internal.sql;

import java.util.List;

/**
 * A locking read being rendered: what follows {@code FOR UPDATE}, the sources it locks (read without an outer join),
 * at which scope depth, and whether it reads anything a dialect that cannot lock outer-joined tables must leave out of
 * its clause (outer joins and outer-joined loads, joined hierarchies locked inside their derived tables).
 */
final class LockTarget {
    final String waitOption;
    final List<Object> lockable;
    final int depth;
    boolean namesTables;
    /**
     * Aliases of the tables joined loads read through inner joins: a plain {@code FOR UPDATE} locks their rows, so a
     * clause that names tables names them too.
     */
    final List<String> innerLoads = new java.util.ArrayList<>(2);

    LockTarget(String waitOption, List<Object> lockable, boolean outerJoins, int depth) {
        this.waitOption = waitOption;
        this.lockable = lockable;
        this.namesTables = outerJoins;
        this.depth = depth;
    }
}

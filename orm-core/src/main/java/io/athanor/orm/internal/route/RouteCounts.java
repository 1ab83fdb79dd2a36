package io.athanor.orm.internal.route;

import java.util.concurrent.atomic.AtomicLong;

/** Where read-only sessions went: counters, thread-safe. */
public final class RouteCounts {
    final AtomicLong replica = new AtomicLong();
    final AtomicLong primaryForPosition = new AtomicLong();
    final AtomicLong primaryNoReplica = new AtomicLong();

    /** Sessions a replica served. */
    public long replica() {
        return replica.get();
    }

    /** Sessions sent to the primary because no replica had replayed the commit they had to see in time. */
    public long primaryForPosition() {
        return primaryForPosition.get();
    }

    /** Sessions sent to the primary because every replica was down or lagging. */
    public long primaryNoReplica() {
        return primaryNoReplica.get();
    }
}

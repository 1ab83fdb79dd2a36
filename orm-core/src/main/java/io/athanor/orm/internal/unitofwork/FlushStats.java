package io.athanor.orm.internal.unitofwork;

/**
 * Counts of what a session's flushes looked at, for tests that check a flush's cost by what it visits
 * rather than by time. Totals since the session opened; one session's, its thread only.
 */
public final class FlushStats {
    long flushes;
    long visited;
    long compared;

    /** Flushes that ran (a read-only session's checks are not counted). */
    public long flushes() {
        return flushes;
    }

    /** Entries a flush looked at to find what to write: new, deleted and held ones, each once per flush. */
    public long visited() {
        return visited;
    }

    /** Entries whose field values were compared with their snapshot. */
    public long compared() {
        return compared;
    }
}

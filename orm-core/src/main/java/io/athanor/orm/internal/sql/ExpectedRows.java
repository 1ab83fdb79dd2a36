package io.athanor.orm.internal.sql;

/**
 * How many instances a compiled entity select is expected to read, so that a session can size its tables for them
 * before the first row: the fewer of what its last two executions read, in any session (the last one's after a
 * single execution). A statement that reads the same rows each time then grows no table on the way, and one that
 * read many rows once does not make the next small read reserve room for them. A guess only, never a bound.
 * Shared by the threads running the statement: both counts live in one {@code int}, so a thread sees a pair some
 * execution wrote, and a lost update only makes a guess older.
 */
public final class ExpectedRows {
    /** The most a count remembers: larger reads are remembered as this many (the session grows its tables past it). */
    public static final int MAX = 10_000;

    /** The last count plus one in the low 16 bits, the one before plus one in the high 16 ({@code 0}: no such execution). */
    private int counts;
    /** The counts of each part of the instances (see {@link #part}), made on first use. */
    private volatile ExpectedRows[] parts;
    /** The counts of the instances the statement and the statements its loaders ran added to a session, made on first use. */
    private volatile ExpectedRows withLoaders;

    /**
     * The counts of the instances an execution and the statements its relationship loaders ran (select-in, subquery)
     * added to the session: what the session reserves room for before the first row, once for the whole load.
     */
    public ExpectedRows withLoaders() {
        ExpectedRows w = withLoaders;
        if (w == null) {
            w = new ExpectedRows();
            withLoaders = w; // a race loses a guess
        }
        return w;
    }

    /**
     * The counts of part {@code i} of {@code n} of the instances an execution reads (a joined read's roots, then the
     * instances of each relationship it joins): what a loader sizes each part's lists for.
     */
    public ExpectedRows part(int i, int n) {
        ExpectedRows[] p = parts;
        if (p == null || p.length != n) {
            p = new ExpectedRows[n];
            for (int k = 0; k < n; k++) {
                p[k] = new ExpectedRows();
            }
            parts = p; // a race loses a guess, never a count's meaning
        }
        return p[i];
    }

    /**
     * The instances the next execution is expected to read: the fewer of the last two executions' counts (of the
     * last one's after a single execution); {@code -1} before the first has ended.
     */
    public int guess() {
        int c = counts;
        int last = (c & 0xFFFF) - 1;
        int before = (c >>> 16) - 1;
        return before < 0 ? last : Math.min(last, before);
    }

    /** Notes that an execution read {@code instances} instances (counted at most up to {@link #MAX}). */
    public void seen(int instances) {
        int n = Math.min(Math.max(instances, 0), MAX) + 1;
        counts = (counts & 0xFFFF) << 16 | n;
    }
}

package io.athanor.orm.engine;

/**
 * The pool's figures at one moment: connections in use ({@code active}), idle in the pool, callers
 * waiting for one, the total open, and the most the pool will open ({@code max}, which is
 * {@code poolSize + maxOverflow}).
 *
 * <p>For an engine over a {@link javax.sql.DataSource} the caller supplied, Athanor cannot see inside
 * the pool: {@link #known()} is {@code false} and every figure is {@code -1}.
 *
 * @param active  connections handed out and not yet returned
 * @param idle    open connections waiting in the pool
 * @param waiting callers inside {@code engine.connect()} waiting for a connection; in a
 *                {@link io.athanor.orm.error.PoolTimeoutException}'s message, counting the caller that gave up
 * @param total   open connections, {@code active + idle}
 * @param max     the most connections the pool will open
 */
public record PoolStatus(int active, int idle, int waiting, int total, int max) {

    /** The figures of a pool Athanor does not manage. */
    public static final PoolStatus UNKNOWN = new PoolStatus(-1, -1, -1, -1, -1);

    /** Whether these figures are real ({@code false} for a caller-supplied DataSource). */
    public boolean known() {
        return max >= 0;
    }

    @Override
    public String toString() {
        if (!known()) {
            return "pool figures unknown (a DataSource supplied by the application)";
        }
        return "active=" + active + ", idle=" + idle + ", waiting=" + waiting + ", total=" + total + ", max=" + max;
    }
}

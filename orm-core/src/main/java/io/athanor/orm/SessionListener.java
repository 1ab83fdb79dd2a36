package io.athanor.orm;

/**
 * Told what the sessions of a {@link SessionFactory} do: opened and closed, flushed, and each transaction's
 * beginning and end. Register with {@link SessionFactory#listen(SessionListener)}; every method does nothing
 * unless overridden. This is what metrics and tracing (the {@code orm-micrometer} module) build on.
 *
 * <p>Methods run on the session's thread, in registration order, and must not use the session they are given
 * for more than reading what it is (no queries, no flush). A listener that throws is logged at WARN on
 * {@code io.athanor.orm.session.events} and the session goes on. Implementations must be thread-safe: many
 * sessions call the same listener at once.
 */
public interface SessionListener {

    /** A session was opened (it takes no connection until its first statement). */
    default void opened(Session session) {
    }

    /** A session was closed; called once, after its last transaction has {@link #transactionEnded ended}. */
    default void closed(Session session) {
    }

    /**
     * A flush wrote {@code entities} entities (new, changed or deleted ones, each one or more rows); flushes
     * that had nothing to write are not reported.
     */
    default void flushed(Session session, int entities) {
    }

    /**
     * A database transaction began in {@code session}: at its first write, {@code begin()}, or its first
     * statement where reads run inside transactions. Reads that run outside one (autocommit) begin none.
     */
    default void transactionBegun(Session session) {
    }

    /**
     * The transaction that {@link #transactionBegun began} ended: committed, or rolled back by
     * {@code rollback()}, {@code close()} or a failed flush or commit (then {@code failure} is that failure,
     * else {@code null}).
     */
    default void transactionEnded(Session session, boolean committed, Throwable failure) {
    }
}

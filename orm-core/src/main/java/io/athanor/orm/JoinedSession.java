package io.athanor.orm;

/**
 * A session taking part in a transaction that someone else owns, such as a Spring-managed transaction: the
 * handle its owner keeps, while the application works with {@link #session()}. Open one with
 * {@link SessionFactory#join(io.athanor.orm.engine.Connection, SessionOptions)} over a connection from
 * {@link io.athanor.orm.engine.Engine#borrow(java.sql.Connection)}.
 *
 * <p>The owner drives the session through its transaction's life: {@link #beforeCommit()} before it commits,
 * {@link #committed()} or {@link #rolledBack()} after it ended, {@link #mark()} when it sets a savepoint, and
 * {@link #close()} at the end. The session itself never ends the transaction: its {@code commit()},
 * {@code rollback()} and {@code begin()} refuse with an {@link IllegalStateException} that says so, and it
 * never reads outside the transaction.
 *
 * <p>Not thread-safe: one transaction's, on that transaction's thread.
 */
public interface JoinedSession extends AutoCloseable {

    /** The session the application uses; it runs every statement on the borrowed connection. */
    Session session();

    /**
     * The owner is about to commit: writes the session's pending changes (a read-only session checks that
     * none of its instances was changed in memory).
     *
     * @throws RuntimeException what the flush throws (the owner should then roll back): a constraint
     *         violation, a {@link StaleObjectException}, a read-only session's refusal...
     */
    void beforeCommit();

    /** The owner committed: the session forgets what a rollback would have put back (and expires its instances if the factory says so). */
    void committed();

    /**
     * The owner rolled back: every instance the session keeps gets back what the database holds, as after
     * {@link Session#rollback()}.
     */
    void rolledBack();

    /**
     * Marks where a savepoint the owner has just set begins, and writes the session's pending changes, so
     * that the session can follow when the owner rolls back to it. Pending changes are written after the
     * owner's savepoint, so a rollback to it discards them too, in the database and in the session alike.
     *
     * @throws RuntimeException what the flush throws
     */
    Mark mark();

    /** Lets go of the session and its borrowed connection; the owner's transaction and JDBC connection are untouched. */
    @Override
    void close();

    /** Where an owner's savepoint begins in the session. */
    interface Mark {
        /**
         * The owner rolled the database back to its savepoint: the session's instances go back to what they
         * were when it was set (rows inserted since become transient, deleted ones come back, changed fields
         * get the database's values back).
         *
         * @throws IllegalStateException if the session is closed
         */
        void rolledBack();
    }
}

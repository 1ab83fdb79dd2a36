package io.athanor.orm.error;

import java.sql.SQLException;

/**
 * The connection was lost while a {@code COMMIT} was in progress (the server ended the session, for
 * example with {@code pg_terminate_backend} ({@code SQLState 57P01}) or a shutdown, or the network failed
 * with an I/O error), so the answer to the commit never arrived. <b>The transaction may or may not have
 * been committed</b>: the server may have made it durable just before the connection went, or discarded
 * it with the session.
 *
 * <p>Nothing retries it automatically, not even
 * {@code SessionFactory.inTransaction(Retry, ...)}: running the work again could write it twice. Check
 * the data (for example, look for a row the transaction wrote, or use an idempotency key) and decide,
 * on a new connection. The connection that raised it is {@code broken} and dropped by the pool when
 * closed; a session that raised it needs {@code rollback()} (which returns normally) before its next
 * transaction.
 *
 * <p>Distinct from a commit the database refused with an answer (a deferred constraint, a serialization
 * failure at commit): those are ordinary {@link DatabaseException}s (or their kinds), and the transaction
 * was rolled back.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public class CommitOutcomeUnknownException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do, ready for a person to read
     * @param cause   the driver's exception reporting the lost connection
     */
    public CommitOutcomeUnknownException(String message, SQLException cause) {
        super(message, "COMMIT", null, cause);
    }
}

package io.athanor.orm.engine;

/**
 * An explicit transaction on a {@link Connection}, from {@link Connection#begin()}. Closing it without
 * {@link #commit()} rolls it back, so try-with-resources never leaves half-done work behind:
 *
 * <pre>{@code
 * try (Transaction tx = connection.begin()) {
 *     connection.executeUpdate(debit, ...);
 *     connection.executeUpdate(credit, ...);
 *     tx.commit();
 * }
 * }</pre>
 *
 * <p>Not thread-safe; belongs to its connection's thread.
 */
public interface Transaction extends AutoCloseable {

    /**
     * Commits the transaction.
     *
     * @throws IllegalStateException if it already ended
     */
    void commit();

    /** Rolls the transaction back; does nothing if it already ended. */
    void rollback();

    /** Whether the transaction is still open. */
    boolean isActive();

    /** Rolls back if still open. */
    @Override
    void close();
}

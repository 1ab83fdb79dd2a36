package io.athanor.orm.engine;

/**
 * A savepoint inside a transaction: {@link #rollback()} undoes the work done since it was set and
 * keeps the transaction open (which also lifts PostgreSQL's aborted-transaction state after an error
 * inside it); {@link #release()} forgets it, keeping the work. Not thread-safe.
 */
public interface Savepoint {

    /** The savepoint's name. */
    String name();

    /** Undoes the work done since the savepoint was set. */
    void rollback();

    /** Releases the savepoint, keeping its work as part of the transaction. */
    void release();
}

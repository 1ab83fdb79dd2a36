package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.IsolationLevel;
import java.sql.SQLException;

/**
 * Where a connection's isolation level lives. On PostgreSQL it is set inside each transaction, by
 * {@code SET TRANSACTION ISOLATION LEVEL} before the transaction's first statement, and never on the server
 * session: behind a pooler in transaction mode (PgBouncer) a session-level setting lands on whichever server
 * connection is free, applies to other clients' transactions and is missing from this one's. Elsewhere the
 * driver's session-level setting is used, and a supplied DataSource's connection gets the engine's default and
 * has its own level back when it returns. One connection's; not thread-safe.
 */
final class TransactionSettings {
    private final boolean perTransaction;
    /** The level of the next transactions when {@link #perTransaction}; null for the server's default. */
    private IsolationLevel isolation;
    /** A supplied DataSource's connection set to the engine's default: its level before, to restore; else -1. */
    private int restoreLevel = -1;

    private TransactionSettings(boolean perTransaction, IsolationLevel isolation) {
        this.perTransaction = perTransaction;
        this.isolation = isolation;
    }

    /**
     * The settings of a connection just checked out.
     *
     * @param engineDefault the engine's default level, or null
     * @param supplied      whether the connection comes from a DataSource the application supplied (the built-in
     *                      pool sets and resets the session-level default itself)
     */
    static TransactionSettings of(java.sql.Connection jdbc, boolean perTransaction, IsolationLevel engineDefault,
                                  boolean supplied) throws SQLException {
        TransactionSettings settings = new TransactionSettings(perTransaction, perTransaction ? engineDefault : null);
        if (!perTransaction && supplied && engineDefault != null) {
            int before = jdbc.getTransactionIsolation();
            if (before != engineDefault.jdbcLevel()) {
                jdbc.setTransactionIsolation(engineDefault.jdbcLevel());
                settings.restoreLevel = before;
            }
        }
        return settings;
    }

    /** The statement that starts each transaction, or null when none is needed. */
    String transactionStart() {
        return perTransaction && isolation != null ? "SET TRANSACTION ISOLATION LEVEL " + sqlName(isolation) : null;
    }

    /**
     * Sets the level of the following transactions.
     *
     * @param inTransaction whether statements have run in the current transaction
     * @throws IllegalStateException in the middle of a transaction on PostgreSQL, whose level is fixed once it began
     */
    void isolation(java.sql.Connection jdbc, IsolationLevel level, boolean inTransaction) throws SQLException {
        if (!perTransaction) {
            jdbc.setTransactionIsolation(level.jdbcLevel());
            return;
        }
        if (inTransaction) {
            throw new IllegalStateException("Cannot change the isolation level in the middle of a transaction: statements "
                    + "have run in it. commit() or rollback() first; the level applies from the next transaction.");
        }
        isolation = level;
    }

    /** The level the connection's transactions run at. */
    IsolationLevel isolation(java.sql.Connection jdbc) throws SQLException {
        if (perTransaction && isolation != null) {
            return isolation;
        }
        return IsolationLevel.ofJdbc(jdbc.getTransactionIsolation());
    }

    /** Puts back what {@link #of} changed on a supplied DataSource's connection, before it returns. */
    void restore(java.sql.Connection jdbc) throws SQLException {
        if (restoreLevel >= 0) {
            jdbc.setTransactionIsolation(restoreLevel);
        }
    }

    static String sqlName(IsolationLevel level) {
        return level.name().replace('_', ' ');
    }
}

package io.athanor.orm.engine;

import java.sql.Connection;

/** Transaction isolation levels, as the SQL standard and JDBC name them. */
public enum IsolationLevel {
    /** Dirty reads allowed (PostgreSQL treats it as {@link #READ_COMMITTED}). */
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    /** Each statement sees data committed before it began (PostgreSQL's default). */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    /** The transaction sees one snapshot throughout (MariaDB's default). */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    /** Transactions behave as if run one after another; conflicts abort with a retryable error. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@link java.sql.Connection} constant for this level. */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** The level for a JDBC constant, for reading a connection's current setting. */
    public static IsolationLevel ofJdbc(int level) {
        for (IsolationLevel l : values()) {
            if (l.jdbcLevel == level) {
                return l;
            }
        }
        throw new IllegalArgumentException("Not a JDBC isolation level: " + level);
    }
}

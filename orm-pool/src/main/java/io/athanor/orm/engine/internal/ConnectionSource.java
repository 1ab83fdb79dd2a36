package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.PoolStatus;
import java.sql.Connection;
import java.sql.SQLException;

/** Where an engine's JDBC connections come from: the built-in pool or a supplied DataSource. */
interface ConnectionSource {

    /** A connection in manual-commit mode. */
    Connection acquire() throws SQLException;

    /** Returns a healthy connection. */
    void release(Connection connection) throws SQLException;

    /**
     * Rolls back a healthy connection whose transaction is still open and returns it, without the caller waiting
     * for the rollback; the connection is handed out again only after the rollback succeeded, and discarded if it
     * failed. Returns false, having done nothing, if this source does not do that: the caller then rolls back and
     * calls {@link #release} itself.
     */
    default boolean releaseRollingBack(Connection connection) {
        return false;
    }

    /** Throws a dead connection away so it is never handed out again. */
    void discard(Connection connection);

    /** The pool's figures, {@code waiting} left at 0 for the engine to fill in; {@link PoolStatus#UNKNOWN} if hidden. */
    PoolStatus status();

    void close();
}

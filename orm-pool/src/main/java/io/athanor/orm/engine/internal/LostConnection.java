package io.athanor.orm.engine.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells from a driver exception whether the connection itself is gone (the server ended the session,
 * the network failed), as opposed to one statement failing on a healthy connection.
 */
final class LostConnection {
    /**
     * PostgreSQL's operator intervention states that end the session: {@code 57P01} admin shutdown
     * ({@code pg_terminate_backend}), {@code 57P02} crash shutdown, {@code 57P03} cannot connect now.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03");
    /** MariaDB/MySQL: connection killed (1927), server has gone away (2006), lost connection during query (2013). */
    private static final Set<Integer> CODES = Set.of(1927, 2006, 2013);

    private LostConnection() {
    }

    /** Whether {@code e}, an exception chained to it or one of their causes says the connection is lost. */
    static boolean is(SQLException e) {
        int chained = 0;
        for (SQLException s = e; s != null && chained < 10; s = s.getNextException(), chained++) {
            int depth = 0;
            for (Throwable t = s; t != null && depth < 10; t = t.getCause(), depth++) {
                if (t instanceof IOException || t instanceof SQLException && says((SQLException) t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean says(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || STATES.contains(state)) || CODES.contains(e.getErrorCode());
    }
}

package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.DatabaseUrl;
import io.athanor.orm.engine.EngineConfig;
import io.athanor.orm.engine.PoolStatus;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.CommitOutcomeUnknownException;
import io.athanor.orm.error.ConnectionFailedException;
import io.athanor.orm.error.ConstraintViolationException;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.error.ForeignKeyViolationException;
import io.athanor.orm.error.NotNullViolationException;
import io.athanor.orm.error.PoolTimeoutException;
import io.athanor.orm.error.TransactionConflictException;
import io.athanor.orm.error.UniqueViolationException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/** Turns driver exceptions into Athanor's, by SQLState first and vendor code where the state is shared. */
final class SqlErrors {
    private final EngineConfig config;
    private final ParameterFormat format;

    SqlErrors(EngineConfig config, ParameterFormat format) {
        this.config = config;
        this.format = format;
    }

    DatabaseException statement(SQLException e, String sql, List<Object> params) {
        return statement(e, sql, params, List.of());
    }

    /**
     * A failed statement's exception.
     *
     * @param params the parameters of the statement, or of the batch row that failed
     * @param rows   every row of a failed batch, whose values the message must not show either when hidden
     */
    DatabaseException statement(SQLException driverError, String sql, List<Object> params, List<List<Object>> rows) {
        List<Object> shown = format.hides() ? List.of() : params;
        HiddenValues hidden = format.hides() ? HiddenValues.of(params, rows) : null;
        String driverText = firstLine(reported(driverError));
        if (hidden != null) {
            driverText = hidden.clean(driverText);
        }
        driverText = MessageText.cap(MessageText.shortenPlaceholderRuns(driverText), MessageText.MAX_DRIVER_TEXT);
        SQLException e = hidden != null ? hidden.copy(driverError) : driverError;
        String message = driverText + stateSuffix(e) + "\nSQL: " + MessageText.sql(sql) + "\nParameters: " + format.format(params);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if (state.equals("23505") || code == 1062 || code == 1586) {
            return new UniqueViolationException(message, sql, shown, e);
        }
        if (state.equals("23503") || state.equals("23506") || code == 1451 || code == 1452 || code == 1216 || code == 1217) {
            return new ForeignKeyViolationException(message, sql, shown, e);
        }
        if (state.equals("23502") || code == 1048 || code == 1364) {
            return new NotNullViolationException(message, sql, shown, e);
        }
        if (state.startsWith("23")) {
            return new ConstraintViolationException(message, sql, shown, e);
        }
        if (state.equals("40001") || state.equals("40P01") || code == 1213 || code == 1205) {
            return new TransactionConflictException(message + "\nThe transaction was aborted by a conflict with another one: "
                    + "roll back and run it again.", sql, shown, e);
        }
        if (preparedStatementMixUp(state, driverText)) {
            return new DatabaseException(message + "\n" + poolerAdvice(), sql, shown, e);
        }
        return new DatabaseException(message, sql, shown, e);
    }

    /**
     * Whether the server answered with another connection's prepared statement, or without this one's: what a
     * pooler in transaction mode does to named server-side statements.
     */
    private static boolean preparedStatementMixUp(String state, String text) {
        boolean named = text.contains("prepared statement \"");
        return named && (state.equals("42P05") || state.equals("26000") || state.equals("08P01"));
    }

    private String poolerAdvice() {
        if (config.transactionPooling() && config.dataSource() == null) {
            return "The driver used a prepared statement the server connection did not have although transactionPooling is "
                    + "on; check that nothing sets prepareThreshold above 0 (URL, connectionProperty, a Statement's own "
                    + "setting).";
        }
        return "The server connection had a different prepared statement of that name, or none: this happens behind a "
                + "pooler in transaction mode (PgBouncer's pool_mode = transaction), which hands each transaction whichever "
                + "server connection is free. Build the engine with transactionPooling(true), which sets the driver's "
                + "prepareThreshold=0" + (config.dataSource() != null ? " (on a DataSource you supply, set "
                + "prepareThreshold=0 yourself)" : "") + ".";
    }

    /** A commit whose answer never came: the connection was lost while it ran. */
    CommitOutcomeUnknownException commitOutcomeUnknown(SQLException e) {
        return new CommitOutcomeUnknownException("The connection (pool '" + config.name() + "') was lost during COMMIT: "
                + firstLine(e) + stateSuffix(e) + "\nThe outcome is unknown: the transaction may or may not have been "
                + "committed. Nothing retries it automatically. Check the data on a new connection (for example, look for "
                + "a row the transaction wrote) before running the work again.", e);
    }

    /**
     * The exception whose message says what the database objected to: for a batch, the error of the row that
     * failed (the batch exception's own message wraps it with the statement and, in some drivers, its values).
     */
    private static SQLException reported(SQLException e) {
        if (e instanceof BatchUpdateException) {
            if (e.getNextException() != null) {
                return e.getNextException();
            }
            if (e.getCause() instanceof SQLException) {
                return (SQLException) e.getCause();
            }
        }
        return e;
    }

    /** An error while opening or checking out a connection. */
    AthanorException checkout(SQLException e, PoolStatus status) {
        SQLException cause = driverCause(e);
        if (cause == null && e instanceof SQLTransientConnectionException) {
            return new PoolTimeoutException("No connection became free within poolTimeout (" + config.poolTimeout().toMillis()
                    + " ms) in pool '" + config.name() + "' (" + status + "; max = poolSize " + config.poolSize()
                    + " + maxOverflow " + config.maxOverflow() + "). Close every Connection and Session when done "
                    + "(try-with-resources), or raise poolSize/maxOverflow, or poolTimeout.", e);
        }
        return connectFailure(cause != null ? cause : e);
    }

    ConnectionFailedException connectFailure(SQLException e) {
        String target = config.describeTarget();
        String detail = DatabaseUrl.redact(firstLine(e)) + stateSuffix(e);
        return new ConnectionFailedException("Could not connect to " + target + ": " + detail + "\n" + ConnectAdvice.of(e), e);
    }

    /** The driver's own exception under a pool's wrapper, or null when the pool raised it itself. */
    private static SQLException driverCause(SQLException e) {
        if (!(e instanceof SQLTransientConnectionException)) {
            return e;
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        if (cause == null && e.getNextException() != null) {
            return e.getNextException();
        }
        return (SQLException) cause;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        return m.strip();
    }

    private static String stateSuffix(SQLException e) {
        return e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
    }

    /** The batch row that failed, as far as the driver tells: the first one marked failed, or the first not done. */
    static int failedRow(SQLException e, int rows) {
        if (!(e instanceof BatchUpdateException) || ((BatchUpdateException) e).getUpdateCounts() == null) {
            return 0;
        }
        int[] counts = ((BatchUpdateException) e).getUpdateCounts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == java.sql.Statement.EXECUTE_FAILED) {
                return Math.min(i, rows - 1);
            }
        }
        return Math.min(counts.length, rows - 1);
    }
}

package io.athanor.orm.error;

import java.sql.SQLException;
import java.util.List;

/**
 * The database or its driver rejected a statement. Carries the SQL that was sent, its parameters
 * (empty when the engine hides parameters), and the driver's {@code SQLState} and vendor code; the
 * original {@link SQLException} is the cause.
 *
 * <p>Subclasses name the common cases: {@link ConstraintViolationException} and its kinds,
 * {@link TransactionConflictException} for serialization failures and deadlocks that a retry may
 * cure.
 */
public class DatabaseException extends AthanorException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final transient List<Object> parameters;
    private final String sqlState;
    private final int vendorCode;

    /**
     * Creates the exception.
     *
     * @param message    what went wrong, ready for a person to read
     * @param sql        the statement as sent, or {@code null} when the failure was not a statement
     * @param parameters the statement's parameters; empty when hidden
     * @param cause      the driver's exception
     */
    public DatabaseException(String message, String sql, List<Object> parameters, SQLException cause) {
        super(message, cause);
        this.sql = sql;
        this.parameters = parameters == null ? List.of() : parameters;
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.vendorCode = cause == null ? 0 : cause.getErrorCode();
    }

    /** The SQL sent to the database, or {@code null} when the failure was not a statement. */
    public String sql() {
        return sql;
    }

    /** The statement's parameters in order; empty when the engine hides parameters. */
    public List<Object> parameters() {
        return parameters;
    }

    /** The five-character {@code SQLState} the driver reported, or {@code null} if it gave none. */
    public String sqlState() {
        return sqlState;
    }

    /** The driver's vendor-specific error code ({@code 0} when it gave none). */
    public int vendorCode() {
        return vendorCode;
    }
}

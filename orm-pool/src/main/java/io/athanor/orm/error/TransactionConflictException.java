package io.athanor.orm.error;

import java.sql.SQLException;
import java.util.List;

/**
 * The database aborted the transaction because it conflicted with another one: a serialization
 * failure ({@code SQLState 40001}) or a deadlock ({@code 40P01}, MariaDB error 1213). Nothing of the
 * transaction was kept; rolling back and running the same work again may succeed.
 */
public class TransactionConflictException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DatabaseException#DatabaseException}. */
    public TransactionConflictException(String message, String sql, List<Object> parameters, SQLException cause) {
        super(message, sql, parameters, cause);
    }
}

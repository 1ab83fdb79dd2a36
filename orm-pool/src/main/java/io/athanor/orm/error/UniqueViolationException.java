package io.athanor.orm.error;

import java.sql.SQLException;
import java.util.List;

/** A statement broke a unique or primary key constraint: a row with the same key already exists. */
public class UniqueViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DatabaseException#DatabaseException}. */
    public UniqueViolationException(String message, String sql, List<Object> parameters, SQLException cause) {
        super(message, sql, parameters, cause);
    }
}

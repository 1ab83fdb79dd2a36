package io.athanor.orm.error;

import java.sql.SQLException;
import java.util.List;

/** A statement broke a NOT NULL constraint: a required column was given no value. */
public class NotNullViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DatabaseException#DatabaseException}. */
    public NotNullViolationException(String message, String sql, List<Object> parameters, SQLException cause) {
        super(message, sql, parameters, cause);
    }
}

package io.athanor.orm.error;

import java.sql.SQLException;
import java.util.List;

/**
 * A statement broke an integrity constraint. The specific kinds are {@link UniqueViolationException},
 * {@link ForeignKeyViolationException} and {@link NotNullViolationException}; a check constraint or a
 * kind the driver does not distinguish arrives as this class itself.
 */
public class ConstraintViolationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DatabaseException#DatabaseException}. */
    public ConstraintViolationException(String message, String sql, List<Object> parameters, SQLException cause) {
        super(message, sql, parameters, cause);
    }
}

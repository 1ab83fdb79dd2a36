package io.athanor.orm.error;

import java.sql.SQLException;
import java.util.List;

/** A statement broke a foreign key: the referenced row does not exist, or rows still refer to the one being deleted. */
public class ForeignKeyViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link DatabaseException#DatabaseException}. */
    public ForeignKeyViolationException(String message, String sql, List<Object> parameters, SQLException cause) {
        super(message, sql, parameters, cause);
    }
}

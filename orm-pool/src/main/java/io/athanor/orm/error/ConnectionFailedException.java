package io.athanor.orm.error;

import java.sql.SQLException;

/**
 * No connection to the database could be opened: the host is unreachable, the server refused the
 * login, or the database does not exist. The message names the URL (without password) and the user,
 * and says what to check.
 */
public class ConnectionFailedException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the driver's cause, which may be {@code null}. */
    public ConnectionFailedException(String message, SQLException cause) {
        super(message, null, null, cause);
    }
}

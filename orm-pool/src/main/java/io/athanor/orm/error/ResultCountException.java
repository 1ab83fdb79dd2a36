package io.athanor.orm.error;

/**
 * A query asked for exactly one row (or at most one) and the database returned a different number.
 * {@link #actual()} gives how many rows came back (for "more than one", the number seen, at least 2).
 */
public class ResultCountException extends AthanorException {
    private static final long serialVersionUID = 1L;

    private final int actual;

    /** Creates the exception. */
    public ResultCountException(String message, int actual) {
        super(message);
        this.actual = actual;
    }

    /** How many rows the query returned. */
    public int actual() {
        return actual;
    }
}

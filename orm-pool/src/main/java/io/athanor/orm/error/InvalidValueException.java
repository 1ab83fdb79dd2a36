package io.athanor.orm.error;

/**
 * A value cannot be sent as given, and was refused before any SQL ran: a string the database would
 * store altered (an unpaired surrogate, or NUL in PostgreSQL text), a date outside the database's
 * range, a Java type no column takes, a missing key. The message names the field or parameter, what is
 * wrong and what to do; it never repeats the value itself.
 */
public class InvalidValueException extends AthanorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the field or parameter and the fix. */
    public InvalidValueException(String message) {
        super(message);
    }
}

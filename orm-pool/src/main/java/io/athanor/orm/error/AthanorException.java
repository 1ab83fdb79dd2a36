package io.athanor.orm.error;

/**
 * The root of every exception Athanor throws. It is unchecked: database and mapping errors are
 * programming or environment errors that callers rarely recover from locally, and the session's
 * transaction helpers roll back on any of them.
 *
 * <p>Messages are part of the API: each says what went wrong and, where there is one, what to do
 * about it. Passwords never appear in a message.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public class AthanorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that says what went wrong and how to fix it. */
    public AthanorException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public AthanorException(String message, Throwable cause) {
        super(message, cause);
    }
}

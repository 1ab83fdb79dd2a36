package io.athanor.orm;

import io.athanor.orm.error.AthanorException;

/**
 * A flush found that a row it meant to update or delete had been changed (or deleted) by someone else
 * since it was read: its {@code @Version} no longer matched. The transaction was rolled back; reload
 * the entity and apply the change again.
 */
public class StaleObjectException extends AthanorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the entity and its key. */
    public StaleObjectException(String message) {
        super(message);
    }
}

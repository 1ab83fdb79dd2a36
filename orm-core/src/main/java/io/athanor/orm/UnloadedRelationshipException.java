package io.athanor.orm;

import io.athanor.orm.error.AthanorException;

/**
 * A relationship mapped or queried with the {@code RAISE} strategy was touched: it was deliberately not
 * loaded, so that no statement runs behind the caller's back. The message names the relationship and
 * the option that loads it.
 */
public class UnloadedRelationshipException extends AthanorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the relationship and how to load it. */
    public UnloadedRelationshipException(String message) {
        super(message);
    }
}

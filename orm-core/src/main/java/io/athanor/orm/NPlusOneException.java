package io.athanor.orm;

import io.athanor.orm.error.AthanorException;

/**
 * Raised under {@link NPlusOne#FAIL} when lazy loads of one relationship fire one by one for several
 * instances that came from the same query. The message names the relationship and the loader option
 * that would have loaded it for all of them in one statement.
 */
public class NPlusOneException extends AthanorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the relationship and the option that avoids the extra statements. */
    public NPlusOneException(String message) {
        super(message);
    }
}

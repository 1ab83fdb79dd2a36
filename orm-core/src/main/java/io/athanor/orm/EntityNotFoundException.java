package io.athanor.orm;

import io.athanor.orm.error.AthanorException;

/**
 * A lazy reference (from {@link Session#getReference} or a lazily loaded to-one relationship) was used,
 * but no row has its key: it was deleted, or the key was never there. Use {@link Session#get}, which
 * returns {@code null} for a missing row, where absence is expected.
 */
public class EntityNotFoundException extends AthanorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the entity and key. */
    public EntityNotFoundException(String message) {
        super(message);
    }
}

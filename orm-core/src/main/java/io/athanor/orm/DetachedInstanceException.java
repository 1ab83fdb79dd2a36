package io.athanor.orm;

import io.athanor.orm.error.AthanorException;

/**
 * An unloaded relationship (a lazy collection or a lazy reference) was touched after the session that
 * loaded its owner had closed, so there is no connection to load it with. The message names the entity,
 * the relationship and the two fixes: load it eagerly in the query that loads the owner (for example
 * {@code .options(Load.selectinLoad(User_.orders))}), or attach the owner to an open session with
 * {@link Session#merge(Object)} and read it there.
 */
public class DetachedInstanceException extends AthanorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the entity, the relationship and the fixes. */
    public DetachedInstanceException(String message) {
        super(message);
    }
}

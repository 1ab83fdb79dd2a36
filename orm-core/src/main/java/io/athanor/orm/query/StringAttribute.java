package io.athanor.orm.query;

/**
 * A text attribute, for which pattern matching applies ({@code like}, {@code ilike}).
 * Immutable and thread-safe.
 *
 * @param <E> the entity type
 */
public final class StringAttribute<E> extends ComparableAttribute<E, String> {

    /** Creates a handle; see {@link Attribute#Attribute(Class, String, Class)}. */
    public StringAttribute(Class<E> entityType, String path) {
        super(entityType, path, String.class);
    }
}

package io.athanor.orm.query;

/**
 * A numeric attribute, for which arithmetic and the aggregates {@code sum} and {@code avg} apply.
 * Immutable and thread-safe.
 *
 * @param <E> the entity type
 * @param <N> the numeric type (boxed)
 */
public final class NumberAttribute<E, N extends Number & Comparable<N>> extends ComparableAttribute<E, N> {

    /** Creates a handle; see {@link Attribute#Attribute(Class, String, Class)}. */
    public NumberAttribute(Class<E> entityType, String path, Class<N> javaType) {
        super(entityType, path, javaType);
    }
}

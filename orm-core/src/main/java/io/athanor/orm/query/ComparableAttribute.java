package io.athanor.orm.query;

/**
 * An attribute whose values have an order (dates, times, UUIDs, enums), so range comparisons apply.
 * Immutable and thread-safe.
 *
 * @param <E> the entity type
 * @param <T> the field's Java type
 */
public class ComparableAttribute<E, T extends Comparable<? super T>> extends Attribute<E, T> {

    /** Creates a handle; see {@link Attribute#Attribute(Class, String, Class)}. */
    public ComparableAttribute(Class<E> entityType, String path, Class<T> javaType) {
        super(entityType, path, javaType);
    }
}

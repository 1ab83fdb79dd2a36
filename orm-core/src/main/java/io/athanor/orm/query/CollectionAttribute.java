package io.athanor.orm.query;

/**
 * A to-many relationship ({@code @OneToMany}, {@code @ManyToMany}): {@code User_.orders}. Its
 * {@link #javaType()} is the element entity type. Used to join and to name loader options.
 * Immutable and thread-safe.
 *
 * @param <E> the entity type
 * @param <T> the element entity type
 */
public final class CollectionAttribute<E, T> extends Attribute<E, T> {

    /** Creates a handle; see {@link Attribute#Attribute(Class, String, Class)}. */
    public CollectionAttribute(Class<E> entityType, String path, Class<T> elementType) {
        super(entityType, path, elementType);
    }
}

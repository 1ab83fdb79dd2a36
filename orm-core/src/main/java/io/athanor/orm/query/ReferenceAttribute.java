package io.athanor.orm.query;

/**
 * A to-one relationship ({@code @ManyToOne}, {@code @OneToOne}): {@code Order_.user}. Used to join and
 * to name loader options. Immutable and thread-safe.
 *
 * @param <E> the entity type
 * @param <T> the referenced entity type
 */
public final class ReferenceAttribute<E, T> extends Attribute<E, T> {

    /** Creates a handle; see {@link Attribute#Attribute(Class, String, Class)}. */
    public ReferenceAttribute(Class<E> entityType, String path, Class<T> targetType) {
        super(entityType, path, targetType);
    }
}

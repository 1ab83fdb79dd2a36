package io.athanor.orm.query;

/**
 * A to-one relationship ({@code @ManyToOne}, {@code @OneToOne}): {@code Order_.user}. Used to join and
 * to name loader options. Compared with an entity instance or an {@link Aliased} of its target, it compares keys.
 * Immutable and thread-safe.
 *
 * @param <E> the entity type
 * @param <T> the referenced entity type
 */
public final class ReferenceAttribute<E, T> extends Attribute<E, T> {

    /** Creates a handle; see {@link Attribute#Attribute(Class, String, Class)}. */
    public ReferenceAttribute(Class<E> entityType, String path, Class<T> targetType) {
        super(entityType, path, targetType);
    }

    /**
     * This relationship refers to the row of {@code target}: its foreign key equals the key of that alias, as in
     * {@code select(Category.class).join(parent, Category_.parent.eq(parent))}. (Compared with an entity instance,
     * {@code eq(category)}, the instance's key is bound instead.)
     */
    public Expression<Boolean> eq(Aliased<T> target) {
        return new ReferenceComparison(this, " = ", target);
    }

    /** This relationship refers to another row than that of {@code target}: {@code fk <> alias.key}. */
    public Expression<Boolean> ne(Aliased<T> target) {
        return new ReferenceComparison(this, " <> ", target);
    }
}

package io.athanor.orm.query;

/**
 * A second (or further) occurrence of an entity in one query, for self-joins and for comparing rows
 * of one table: SQLAlchemy's {@code aliased(User)}.
 *
 * <pre>{@code
 * Aliased<User> manager = Sql.aliased(User.class);
 * select(User_.name, manager.get(User_.name)).join(manager, User_.managerId.eq(manager.get(User_.id)))
 * }</pre>
 *
 * Each alias is distinct (identity): two calls give two FROM items. Immutable and thread-safe.
 *
 * @param <E> the entity type
 */
public final class Aliased<E> {
    private final Class<E> entityType;
    private final String name;

    Aliased(Class<E> entityType, String name) {
        this.entityType = entityType;
        this.name = name;
    }

    /** The entity type. */
    public Class<E> entityType() {
        return entityType;
    }

    /** The SQL alias to use, or {@code null} to let the compiler number it. */
    public String name() {
        return name;
    }

    /** The column of {@code attribute} in this alias. */
    public <T> Expression<T> get(Attribute<E, T> attribute) {
        return new ColumnRef<>(this, attribute);
    }

    @Override
    public String toString() {
        return "aliased(" + entityType.getSimpleName() + (name == null ? "" : ", " + name) + ")";
    }
}

package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole entity as one column of a row: {@code select(User.class, Order.class)} or
 * {@code select(entity(User.class), count(Order_.id))}. It renders as every mapped column of its FROM item (an entity
 * class or an {@link Aliased}), and reads back as one instance through the session's identity map, so the same key
 * gives the same instance in every row and every column; an outer join that found no row gives {@code null}. In
 * {@code groupBy(...)} it stands for all its columns. Made by {@link Sql#entity(Class)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <E> the entity type
 */
public final class EntityColumn<E> extends Expression<E> {
    private final Object source;
    private final Class<E> entityType;

    EntityColumn(Object source, Class<E> entityType) {
        this.source = Objects.requireNonNull(source, "entity");
        this.entityType = entityType;
    }

    /** The FROM item whose columns it reads: the entity class or an {@link Aliased}. */
    public Object source() {
        return source;
    }

    /** The entity column {@code column} is, or labels; {@code null} for any other expression. */
    public static EntityColumn<?> in(Expression<?> column) {
        Expression<?> e = column instanceof Label ? ((Label<?>) column).expression() : column;
        return e instanceof EntityColumn ? (EntityColumn<?>) e : null;
    }

    @Override
    public Class<E> javaType() {
        return entityType;
    }

    /** The label of its column in a {@code Row}: the alias's name, or the entity's simple name. */
    public String label() {
        if (source instanceof Aliased && ((Aliased<?>) source).name() != null) {
            return ((Aliased<?>) source).name();
        }
        return entityType.getSimpleName();
    }

    @Override
    public void render(SqlBuilder b) {
        b.entityColumns(source);
    }

    /**
     * The columns of {@code select(first, more...)}: entity classes and aliases become entity columns, expressions
     * stay as they are.
     *
     * @throws AthanorException for anything else
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Expression<?>> columns(Object first, Object... more) {
        List<Expression<?>> out = new ArrayList<>(more.length + 1);
        List<Object> all = new ArrayList<>(more.length + 1);
        all.add(first);
        all.addAll(java.util.Arrays.asList(more));
        for (Object o : all) {
            if (o instanceof Class) {
                out.add(new EntityColumn<>(o, (Class) o));
            } else if (o instanceof Aliased) {
                out.add(new EntityColumn<>(o, ((Aliased<?>) o).entityType()));
            } else if (o instanceof Expression) {
                out.add((Expression<?>) o);
            } else {
                throw new AthanorException("select(...) takes entity classes, aliases (Sql.aliased(...)) and expressions; got "
                        + (o == null ? "null" : o.getClass().getName()) + ".");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "entity(" + (source instanceof Class ? ((Class<?>) source).getSimpleName() : source) + ")";
    }
}

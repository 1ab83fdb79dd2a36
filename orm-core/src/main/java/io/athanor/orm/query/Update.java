package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.List;

/**
 * An UPDATE of an entity's table: {@code session.update(User.class).set(User_.name, "x").where(User_.id.eq(7L)).execute()}.
 * Run through a session, it also brings the session's instances of the entity up to date, as
 * {@link #synchronize(Synchronize)} says (by default one SELECT re-reads them).
 * Immutable: each method returns a new statement.
 *
 * @param <E> the entity whose table is updated
 */
public final class Update<E> extends Change<E> {
    private final List<Attribute<?, ?>> columns;
    private final List<Expression<?>> values;
    private final Expression<Boolean> where;

    private Update(Class<E> entity, List<Attribute<?, ?>> columns, List<Expression<?>> values, Expression<Boolean> where,
                   List<Expression<?>> returning, QueryExecutor executor, Synchronize sync) {
        super(entity, returning, executor, sync);
        this.columns = columns;
        this.values = values;
        this.where = where;
    }

    static <E> Update<E> of(Class<E> entity, QueryExecutor executor) {
        return new Update<>(entity, List.of(), List.of(), null, List.of(), executor, Synchronize.FETCH);
    }

    @Override
    String verb() {
        return "UPDATE";
    }

    /** Sets a column to a value. */
    public <T> Update<E> set(Attribute<E, T> column, T value) {
        return set(column, Param.<T>of(value, column));
    }

    /** Sets a column to an expression, e.g. {@code set(Order_.amount, Order_.amount.times(rate))}. */
    public <T> Update<E> set(Attribute<E, T> column, Expression<? extends T> value) {
        List<Attribute<?, ?>> c = new ArrayList<>(columns);
        c.add(column);
        List<Expression<?>> v = new ArrayList<>(values);
        v.add(value);
        return new Update<>(entity, List.copyOf(c), List.copyOf(v), where, returning, executor, sync);
    }

    /** Adds conditions, joined with AND. Without any, every row is updated. */
    @SafeVarargs
    public final Update<E> where(Expression<Boolean>... conditions) {
        List<Expression<Boolean>> all = new ArrayList<>(where == null ? List.of() : List.of(where));
        for (Expression<Boolean> condition : conditions) {      // read, never passed on: what makes it safe
            all.add(condition);
        }
        return new Update<>(entity, columns, values, Logical.of(" AND ", all), returning, executor, sync);
    }

    /** Returns these columns of each updated row (PostgreSQL). */
    public Update<E> returning(Expression<?>... columns) {
        return new Update<>(entity, this.columns, values, where, List.of(columns), executor, sync);
    }

    /** This statement bound to {@code executor}, so that {@link #execute()} runs it there. */
    public Update<E> on(QueryExecutor executor) {
        return new Update<>(entity, columns, values, where, returning, executor, sync);
    }

    /** What running this statement through a session does to that session's instances of the entity (default FETCH). */
    public Update<E> synchronize(Synchronize mode) {
        return new Update<>(entity, columns, values, where, returning, executor, java.util.Objects.requireNonNull(mode, "mode"));
    }

    @Override
    public void render(SqlBuilder b) {
        if (columns.isEmpty()) {
            throw new AthanorException("This UPDATE of " + entity.getSimpleName() + " sets no columns; call set(...).");
        }
        b.openScope(List.of(entity));
        b.sql("UPDATE ").target(entity).sql(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            b.sql(i > 0 ? ", " : "").columnName(columns.get(i)).sql(" = ").visit(values.get(i));
        }
        // a subclass of a single-table hierarchy changes only its own rows, never its siblings'
        boolean filtered = b.discriminatorFilter(entity, " WHERE ");
        if (where != null) {
            b.sql(filtered ? " AND (" : " WHERE ").visit(where).sql(filtered ? ")" : "");
        }
        renderReturning(b);
        b.closeScope();
    }
}

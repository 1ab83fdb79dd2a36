package io.athanor.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A DELETE from an entity's table: {@code session.delete(Order.class).where(Order_.amount.isNull()).execute()}.
 * It changes rows in the database only; instances already loaded in a session keep their state.
 * Immutable: each method returns a new statement.
 *
 * @param <E> the entity whose table loses rows
 */
public final class Delete<E> extends Change<E> {
    private final Expression<Boolean> where;

    private Delete(Class<E> entity, Expression<Boolean> where, List<Expression<?>> returning, QueryExecutor executor) {
        super(entity, returning, executor);
        this.where = where;
    }

    static <E> Delete<E> from(Class<E> entity, QueryExecutor executor) {
        return new Delete<>(entity, null, List.of(), executor);
    }

    @Override
    String verb() {
        return "DELETE";
    }

    /** Adds conditions, joined with AND. Without any, every row is deleted. */
    @SafeVarargs
    public final Delete<E> where(Expression<Boolean>... conditions) {
        List<Expression<Boolean>> all = new ArrayList<>();
        if (where != null) {
            all.add(where);
        }
        all.addAll(Arrays.asList(conditions));
        return new Delete<>(entity, Logical.of(" AND ", all), returning, executor);
    }

    /** Returns these columns of each deleted row (PostgreSQL, MariaDB). */
    public Delete<E> returning(Expression<?>... columns) {
        return new Delete<>(entity, where, List.of(columns), executor);
    }

    /** This statement bound to {@code executor}, so that {@link #execute()} runs it there. */
    public Delete<E> on(QueryExecutor executor) {
        return new Delete<>(entity, where, returning, executor);
    }

    @Override
    public void render(SqlBuilder b) {
        b.openScope(List.of(entity));
        b.sql("DELETE FROM ").target(entity);
        if (where != null) {
            b.sql(" WHERE ").visit(where);
        }
        renderReturning(b);
        b.closeScope();
    }
}

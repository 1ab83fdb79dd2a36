package io.athanor.orm.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A DELETE from an entity's table: {@code session.delete(Order.class).where(Order_.amount.isNull()).execute()}.
 * Run through a session, instances of the entity the session holds whose rows it removed leave the
 * session, as {@link #synchronize(Synchronize)} says.
 * It changes rows in the database only; instances already loaded in a session keep their state.
 * Immutable: each method returns a new statement.
 *
 * @param <E> the entity whose table loses rows
 */
public final class Delete<E> extends Change<E> {
    private final Expression<Boolean> where;

    private Delete(Class<E> entity, Expression<Boolean> where, List<Expression<?>> returning, QueryExecutor executor, Synchronize sync) {
        super(entity, returning, executor, sync);
        this.where = where;
    }

    static <E> Delete<E> from(Class<E> entity, QueryExecutor executor) {
        return new Delete<>(entity, null, List.of(), executor, Synchronize.FETCH);
    }

    @Override
    String verb() {
        return "DELETE";
    }

    /** Adds conditions, joined with AND. Without any, every row is deleted. */
    @SafeVarargs
    public final Delete<E> where(Expression<Boolean>... conditions) {
        List<Expression<Boolean>> all = new ArrayList<>(where == null ? List.of() : List.of(where));
        for (Expression<Boolean> condition : conditions) {      // read, never passed on: what makes it safe
            all.add(condition);
        }
        return new Delete<>(entity, Logical.of(" AND ", all), returning, executor, sync);
    }

    /** Returns these columns of each deleted row (PostgreSQL, MariaDB). */
    public Delete<E> returning(Expression<?>... columns) {
        return new Delete<>(entity, where, List.of(columns), executor, sync);
    }

    /** This statement bound to {@code executor}, so that {@link #execute()} runs it there. */
    public Delete<E> on(QueryExecutor executor) {
        return new Delete<>(entity, where, returning, executor, sync);
    }

    /** What running this statement through a session does to that session's instances of the entity (default FETCH). */
    public Delete<E> synchronize(Synchronize mode) {
        return new Delete<>(entity, where, returning, executor, java.util.Objects.requireNonNull(mode, "mode"));
    }

    @Override
    public void render(SqlBuilder b) {
        b.openScope(List.of(entity));
        b.sql("DELETE FROM ").target(entity);
        // a subclass of a single-table hierarchy changes only its own rows, never its siblings'
        boolean filtered = b.discriminatorFilter(entity, " WHERE ");
        if (where != null) {
            b.sql(filtered ? " AND (" : " WHERE ").visit(where).sql(filtered ? ")" : "");
        }
        renderReturning(b);
        b.closeScope();
    }
}

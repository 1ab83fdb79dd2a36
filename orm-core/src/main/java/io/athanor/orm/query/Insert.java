package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.List;

/**
 * An INSERT of one row, or of a SELECT's rows, optionally an upsert and with RETURNING:
 *
 * <pre>{@code
 * session.insert(User.class).set(User_.id, 7L).set(User_.name, "ada")
 *        .onConflict(User_.id).doUpdate(User_.name)      // PostgreSQL ON CONFLICT, MariaDB ON DUPLICATE KEY, H2 MERGE
 *        .execute();
 * }</pre>
 *
 * Values are bound the way their columns store them. Immutable: each method returns a new statement.
 *
 * @param <E> the entity whose table receives the rows
 */
public final class Insert<E> extends Change<E> {
    private final List<Attribute<?, ?>> columns;
    private final List<Expression<?>> values;
    private final Select<?> fromSelect;
    private final List<Attribute<?, ?>> conflictKeys;
    private final List<Attribute<?, ?>> updateOnConflict;
    private final boolean doNothing;

    private Insert(Class<E> entity, List<Attribute<?, ?>> columns, List<Expression<?>> values, Select<?> fromSelect,
                   List<Attribute<?, ?>> conflictKeys, List<Attribute<?, ?>> updateOnConflict, boolean doNothing,
                   List<Expression<?>> returning, QueryExecutor executor) {
        super(entity, returning, executor, Synchronize.NONE);
        this.columns = columns;
        this.values = values;
        this.fromSelect = fromSelect;
        this.conflictKeys = conflictKeys;
        this.updateOnConflict = updateOnConflict;
        this.doNothing = doNothing;
    }

    static <E> Insert<E> into(Class<E> entity, QueryExecutor executor) {
        return new Insert<>(entity, List.of(), List.of(), null, List.of(), List.of(), false, List.of(), executor);
    }

    private Insert<E> with(List<Attribute<?, ?>> columns, List<Expression<?>> values, Select<?> fromSelect,
                           List<Attribute<?, ?>> keys, List<Attribute<?, ?>> update, boolean nothing, List<Expression<?>> returning) {
        return new Insert<>(entity, columns, values, fromSelect, keys, update, nothing, returning, executor);
    }

    @Override
    String verb() {
        return "INSERT";
    }

    /** The value of one column. */
    public <T> Insert<E> set(Attribute<E, T> column, T value) {
        if (fromSelect != null) {
            throw new AthanorException("This INSERT takes its rows from a SELECT; it cannot also set values.");
        }
        List<Attribute<?, ?>> c = new ArrayList<>(columns);
        c.add(column);
        List<Expression<?>> v = new ArrayList<>(values);
        v.add(Param.of(value, column));
        return with(List.copyOf(c), List.copyOf(v), null, conflictKeys, updateOnConflict, doNothing, returning);
    }

    /** Inserts the rows of {@code select}, whose columns fill {@code columns} in order. */
    @SafeVarargs
    public final Insert<E> fromSelect(Select<?> select, Attribute<E, ?>... columns) {
        if (!values.isEmpty()) {
            throw new AthanorException("This INSERT already has values; it cannot also take rows from a SELECT.");
        }
        List<Attribute<E, ?>> into = new ArrayList<>(columns.length);
        for (Attribute<E, ?> attribute : columns) {                 // read, never passed on: what makes it safe
            into.add(attribute);
        }
        return with(List.copyOf(into), List.of(), select.subquery(), conflictKeys, updateOnConflict, doNothing,
                returning);
    }

    /** Makes this an upsert keyed on {@code keys} (a primary key or unique constraint); follow with doUpdate or doNothing. */
    @SafeVarargs
    public final Insert<E> onConflict(Attribute<E, ?>... keys) {
        List<Attribute<E, ?>> conflict = new ArrayList<>(keys.length);
        for (Attribute<E, ?> attribute : keys) {                 // read, never passed on: what makes it safe
            conflict.add(attribute);
        }
        return with(columns, values, fromSelect, List.copyOf(conflict), updateOnConflict, doNothing, returning);
    }

    /** On conflict, overwrite these columns with the new row's values. */
    @SafeVarargs
    public final Insert<E> doUpdate(Attribute<E, ?>... update) {
        requireKeys();
        List<Attribute<E, ?>> overwrite = new ArrayList<>(update.length);
        for (Attribute<E, ?> attribute : update) {                 // read, never passed on: what makes it safe
            overwrite.add(attribute);
        }
        return with(columns, values, fromSelect, conflictKeys, List.copyOf(overwrite), false, returning);
    }

    /** On conflict, keep the existing row and insert nothing. */
    public Insert<E> doNothing() {
        requireKeys();
        return with(columns, values, fromSelect, conflictKeys, List.of(), true, returning);
    }

    private void requireKeys() {
        if (conflictKeys.isEmpty()) {
            throw new AthanorException("Call onConflict(keys...) before doUpdate or doNothing.");
        }
    }

    /** Returns these columns of each inserted row. */
    public Insert<E> returning(Expression<?>... columns) {
        return with(this.columns, values, fromSelect, conflictKeys, updateOnConflict, doNothing, List.of(columns));
    }

    /** This statement bound to {@code executor}, so that {@link #execute()} runs it there. */
    public Insert<E> on(QueryExecutor executor) {
        return new Insert<>(entity, columns, values, fromSelect, conflictKeys, updateOnConflict, doNothing, returning, executor);
    }

    @Override
    public void render(SqlBuilder b) {
        if (columns.isEmpty()) {
            throw new AthanorException("This INSERT into " + entity.getSimpleName() + " sets no columns; call set(...) or fromSelect(...).");
        }
        boolean upsert = !conflictKeys.isEmpty();
        if (upsert && !doNothing && updateOnConflict.isEmpty()) {
            throw new AthanorException("onConflict(...) needs doUpdate(columns...) or doNothing().");
        }
        b.openScope(List.of(entity));
        if (upsert && b.dialect().upsertStyle() == io.athanor.orm.dialect.Dialect.UpsertStyle.MERGE) {
            renderMerge(b);
        } else {
            b.sql("INSERT INTO ").target(entity).sql(" (");
            names(b, columns);
            if (fromSelect != null) {
                b.sql(") ").subquery(fromSelect);
            } else {
                b.sql(") VALUES (");
                list(b, values);
                b.sql(")");
            }
            if (upsert) {
                renderConflict(b);
            }
        }
        renderReturning(b);
        b.closeScope();
    }

    private void renderConflict(SqlBuilder b) {
        if (b.dialect().upsertStyle() == io.athanor.orm.dialect.Dialect.UpsertStyle.ON_CONFLICT) {
            b.sql(" ON CONFLICT (");
            names(b, conflictKeys);
            if (doNothing) {
                b.sql(") DO NOTHING");
                return;
            }
            b.sql(") DO UPDATE SET ");
            for (int i = 0; i < updateOnConflict.size(); i++) {
                b.sql(i > 0 ? ", " : "").columnName(updateOnConflict.get(i)).sql(" = EXCLUDED.").columnName(updateOnConflict.get(i));
            }
            return;
        }
        b.sql(" ON DUPLICATE KEY UPDATE ");
        List<Attribute<?, ?>> update = doNothing ? conflictKeys.subList(0, 1) : updateOnConflict;
        for (int i = 0; i < update.size(); i++) {
            b.sql(i > 0 ? ", " : "").columnName(update.get(i));
            if (doNothing) {
                b.sql(" = ").columnName(update.get(i));
            } else {
                b.sql(" = VALUES(").columnName(update.get(i)).sql(")");
            }
        }
    }

    private void renderMerge(SqlBuilder b) {
        if (fromSelect != null) {
            throw new AthanorException("An upsert from a SELECT is not supported by " + b.dialect().name() + "; upsert rows one by one.");
        }
        b.sql("MERGE INTO ").target(entity).sql(" USING (VALUES (");
        list(b, values);
        b.sql(")) excluded (");
        names(b, columns);
        b.sql(") ON (");
        for (int i = 0; i < conflictKeys.size(); i++) {
            b.sql(i > 0 ? " AND " : "").column(entity, conflictKeys.get(i)).sql(" = excluded.").columnName(conflictKeys.get(i));
        }
        b.sql(")");
        if (!doNothing) {
            b.sql(" WHEN MATCHED THEN UPDATE SET ");
            for (int i = 0; i < updateOnConflict.size(); i++) {
                b.sql(i > 0 ? ", " : "").columnName(updateOnConflict.get(i)).sql(" = excluded.").columnName(updateOnConflict.get(i));
            }
        }
        b.sql(" WHEN NOT MATCHED THEN INSERT (");
        names(b, columns);
        b.sql(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            b.sql(i > 0 ? ", excluded." : "excluded.").columnName(columns.get(i));
        }
        b.sql(")");
    }

    private static void names(SqlBuilder b, List<Attribute<?, ?>> attributes) {
        for (int i = 0; i < attributes.size(); i++) {
            b.sql(i > 0 ? ", " : "").columnName(attributes.get(i));
        }
    }

    private static void list(SqlBuilder b, List<Expression<?>> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            b.sql(i > 0 ? ", " : "").visit(expressions.get(i));
        }
    }
}

package io.athanor.orm.query;

import java.util.List;

/**
 * Runs {@link Select} statements: what a session gives the queries it builds. Implemented by the
 * session; a query built with {@link Sql#select} has none until handed to one.
 */
public interface QueryExecutor {

    /** Runs {@code select} and returns all its results. */
    <R> List<R> list(Select<R> select);

    /**
     * Makes one result from the column values of one row of a column select.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    interface RowFactory<T> {
        /**
         * The result for one row; {@code values} is a fresh array per row (it may be kept or changed),
         * {@code labels} the column labels, for error messages.
         */
        T create(Object[] values, List<String> labels);

        /**
         * The constructor {@link #create} calls with the values, when that is all it does: a handle of type
         * {@code (P0, ..., Pn-1)T}, one parameter per column in order, so that a session may read each column straight
         * into its parameter with no array in between, converting a value whose type does not fit it and refusing a
         * NULL for a primitive as {@code create} would. Null (the default) when rows must go through {@code create}.
         */
        default java.lang.invoke.MethodHandle constructor() {
            return null;
        }
    }

    /**
     * Runs a column select and makes each result with {@code factory} from the row's values as read,
     * without building a {@link io.athanor.orm.engine.Row} first. This default goes through
     * {@link #list(Select)}; a session reads the values straight from the result set.
     */
    default <T> List<T> list(Select<?> select, RowFactory<T> factory) {
        List<?> rows = list(select);
        List<T> out = new java.util.ArrayList<>(rows.size());
        for (Object r : rows) {
            io.athanor.orm.engine.Row row = (io.athanor.orm.engine.Row) r;
            out.add(factory.create(row.values().toArray(), row.columns()));
        }
        return out;
    }

    /**
     * Whether {@link #list(Select)} of the entity select {@code select} gives each entity once however many
     * rows its joins repeat it in (as a select that loads relationships from its own rows does), so that
     * counting it counts distinct keys. {@code false} by default.
     */
    default boolean collapsesRows(Select<?> select) {
        return false;
    }

    /** Runs {@code select} and streams its results from a server-side cursor, {@code fetchSize} rows at a time. */
    <R> java.util.stream.Stream<R> stream(Select<R> select, int fetchSize);

    /** Runs a data change ({@link Insert}, {@link Update}, {@link Delete}) and returns how many rows it changed. */
    long execute(Statement change);

    /** Runs a data change with a RETURNING clause and returns the rows it gave back. */
    List<io.athanor.orm.engine.Row> fetch(Statement change);
}

package io.athanor.orm.query;

import java.util.List;

/**
 * Runs {@link Select} statements: what a session gives the queries it builds. Implemented by the
 * session; a query built with {@link Sql#select} has none until handed to one.
 */
public interface QueryExecutor {

    /** Runs {@code select} and returns all its results. */
    <R> List<R> list(Select<R> select);

    /** Runs {@code select} and streams its results from a server-side cursor, {@code fetchSize} rows at a time. */
    <R> java.util.stream.Stream<R> stream(Select<R> select, int fetchSize);

    /** Runs a data change ({@link Insert}, {@link Update}, {@link Delete}) and returns how many rows it changed. */
    long execute(Statement change);

    /** Runs a data change with a RETURNING clause and returns the rows it gave back. */
    List<io.athanor.orm.engine.Row> fetch(Statement change);
}

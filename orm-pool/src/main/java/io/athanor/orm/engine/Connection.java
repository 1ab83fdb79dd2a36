package io.athanor.orm.engine;

import java.util.List;
import java.util.Map;

/**
 * One pooled database connection, checked out by {@link Engine#connect()} and returned by
 * {@link #close()}. Use it in try-with-resources.
 *
 * <p><b>Transactions.</b> As in SQLAlchemy 2.0, a connection is always inside a transaction: the first
 * statement begins one, {@link #commit()} makes the work permanent, {@link #rollback()} discards it,
 * and {@link #close()} rolls back anything not committed. {@link #begin()} marks an explicit block
 * (and refuses to nest; use {@link #savepoint()} for that). {@link #autocommit(boolean)} switches to
 * statement-at-a-time commits, for statements such as {@code CREATE DATABASE} that cannot run in a
 * transaction.
 *
 * <p><b>Statements</b> are {@link Text} with named parameters; every value is bound, never spliced
 * into the SQL. Each statement fires the engine's {@link EngineEvents}, and so do savepoints and the
 * work of {@link #runJdbc}; commit and rollback do not. A database error becomes a
 * {@link io.athanor.orm.error.DatabaseException} (or one of its kinds) carrying the SQL, the
 * parameters and the {@code SQLState}; on PostgreSQL the transaction is then unusable until rolled
 * back.
 *
 * <p><b>Lost connections.</b> When the database ends the session or the network fails, the connection
 * becomes {@link #isBroken() broken}: {@link #rollback()} and {@link #close()} still return normally,
 * and the pool drops it. Take a new connection for the next transaction.
 *
 * <p>Not thread-safe: one thread at a time. Settings changed here (isolation, read-only, autocommit)
 * are reset when the connection returns to the pool.
 *
 * @see Engine#inTransaction(java.util.function.Function)
 */
public interface Connection extends AutoCloseable {

    /** Runs a statement that has no parameters; see {@link #execute(Text, Map)}. */
    Result execute(Text sql);

    /**
     * Runs a statement: a query's rows, or the row count of DML.
     *
     * @param sql    the statement
     * @param params a value for each of its {@code :name} parameters; {@link Params#of} allows nulls
     * @throws io.athanor.orm.error.AthanorException    if a parameter has no value or a value names none
     * @throws io.athanor.orm.error.DatabaseException   if the database rejects the statement
     * @throws IllegalStateException                     if the connection is closed
     */
    Result execute(Text sql, Map<String, ?> params);

    /** Runs DML and returns how many rows it changed; same rules as {@link #execute(Text, Map)}. */
    long executeUpdate(Text sql, Map<String, ?> params);

    /**
     * Runs one statement many times as a JDBC batch (one round trip per batch on drivers that support
     * it), once for each map of parameters.
     *
     * @return the rows changed by each execution, in order ({@code -2} where the driver does not say)
     */
    long[] executeBatch(Text sql, List<? extends Map<String, ?>> paramsPerRow);

    /**
     * Runs a query compiled by a layer above the engine: positional SQL, with {@code binder} binding its
     * parameters and {@code reader} reading the rows. Events, echo and error translation apply as for
     * {@link #execute(Text, Map)}; {@code parameters} are what they report.
     *
     * @param sql        SQL with {@code ?} placeholders, never built from values
     * @param parameters the values {@code binder} binds, in order, for events, logs and errors
     */
    <T> T query(String sql, List<Object> parameters, PreparedWork.Binder binder, PreparedWork.Reader<T> reader);

    /**
     * Runs a query and returns its rows as a lazy stream, read from a server-side cursor
     * {@code fetchSize} rows at a time, so that large results never sit in memory whole. The stream
     * must be closed (try-with-resources); closing it closes the cursor. While it is open, run no
     * other statement on this connection (MariaDB cannot).
     *
     * @param rowReader maps the current row of the result set; it must not move the cursor
     */
    <T> java.util.stream.Stream<T> stream(String sql, List<Object> parameters, PreparedWork.Binder binder, int fetchSize,
                                          PreparedWork.Reader<T> rowReader);

    /**
     * Runs one statement compiled by a layer above the engine as a JDBC batch, once per parameter set,
     * and reads back the keys the database generated (one row per execution, in order) when
     * {@code keyColumns} is not empty. One event pair reports the whole batch.
     *
     * @param binder    binds parameter set {@code i} to the statement
     * @param keyColumns the generated columns to read back; empty for none
     * @param keyReader  reads the generated keys' result set (may be {@code null} without key columns)
     * @return the rows changed by each execution ({@code -2} where the driver does not say)
     */
    long[] batch(String sql, List<List<Object>> parameterSets, BatchBinder binder, String[] keyColumns,
                 PreparedWork.Reader<?> keyReader);

    /** Binds one execution of a batch. */
    @FunctionalInterface
    interface BatchBinder {
        /** Binds parameter set {@code row} to {@code ps}. */
        void bind(java.sql.PreparedStatement ps, int row) throws java.sql.SQLException;
    }

    /** As {@link #query}, for DML: returns the number of rows changed. */
    long update(String sql, List<Object> parameters, PreparedWork.Binder binder);

    /**
     * Runs work that needs the JDBC connection itself (a driver's own API, such as PostgreSQL's
     * {@code CopyManager} for {@code COPY ... FROM STDIN}) as one statement of this connection: the
     * engine's events fire around it with {@code sql} as the statement, so echo, the slow-query log and
     * listeners such as orm-test's {@code SqlRecorder} see it like any other; an {@link java.sql.SQLException}
     * it throws becomes a {@link io.athanor.orm.error.DatabaseException} carrying {@code sql}.
     *
     * <p>The engine does not send {@code sql}; {@code work} does what it says. If {@code work} throws
     * anything, the transaction counts as failed, as after a failed statement: roll it back (or back to a
     * savepoint) before running more.
     *
     * <pre>{@code
     * String copy = "COPY users (id, name) FROM STDIN (FORMAT csv)";
     * long rows = connection.runJdbc(copy, jdbc -> {
     *     CopyIn in = jdbc.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
     *     in.writeToCopy(csv, 0, csv.length);
     *     return in.endCopy();
     * }, n -> n);
     * }</pre>
     *
     * @param sql      the statement {@code work} runs, as it would be written in SQL; reported, not executed
     * @param work     the work; it must not close the connection, commit or roll back
     * @param rowCount the rows the statement read or wrote, computed from the work's result ({@code -1} if unknown)
     * @return what {@code work} returned
     * @throws io.athanor.orm.error.DatabaseException if {@code work} throws an {@link java.sql.SQLException}
     * @throws IllegalStateException                   if the connection is closed, broken, or its transaction failed
     */
    <T> T runJdbc(String sql, JdbcWork<T> work, java.util.function.ToLongFunction<? super T> rowCount);

    /** Work on the JDBC connection underneath, for {@link #runJdbc}. */
    @FunctionalInterface
    interface JdbcWork<T> {
        /** Does the work on {@code jdbc}, which it must not close. */
        T run(java.sql.Connection jdbc) throws java.sql.SQLException;
    }

    /**
     * Marks the start of an explicit transaction and returns its handle.
     *
     * @throws IllegalStateException if an explicit transaction is already open on this connection
     */
    Transaction begin();

    /**
     * Commits the current transaction (explicit or begun by the first statement).
     *
     * @throws io.athanor.orm.error.CommitOutcomeUnknownException if the connection was lost while the commit
     *         ran (the session ended, an I/O error): the transaction may or may not have been committed, and
     *         the connection is {@link #isBroken() broken}. Nothing retries it; check the data
     * @throws io.athanor.orm.error.DatabaseException if the database refused the commit (a deferred constraint,
     *         a serialization failure); the transaction was rolled back
     * @throws IllegalStateException if the connection is closed or lost, or a statement failed in this transaction
     */
    void commit();

    /**
     * Rolls back the current transaction.
     *
     * <p>On a connection the database has lost (its session was terminated, the server restarted, the
     * network failed) this returns normally: the server has already discarded the transaction, which is
     * what a rollback asks for. The connection is then {@link #isBroken() broken}; close it and take a new
     * one for the next transaction.
     *
     * @throws io.athanor.orm.error.DatabaseException if the database refuses the rollback on a live connection
     * @throws IllegalStateException                   if the connection is closed
     */
    void rollback();

    /**
     * Sets a savepoint with a generated name inside the current transaction. It is reported to the
     * engine's events as the statement {@code SAVEPOINT name}, its rollback and release as
     * {@code ROLLBACK TO SAVEPOINT name} and {@code RELEASE SAVEPOINT name}, although they run through
     * JDBC's savepoint API.
     */
    Savepoint savepoint();

    /** As {@link #savepoint()}, with the name {@code name} (letters, digits, underscores). */
    Savepoint savepoint(String name);

    /** Whether an explicit transaction from {@link #begin()} is open. */
    boolean inTransaction();

    /** Sets this connection's isolation level until it returns to the pool. Call before the first statement of a transaction. */
    void isolationLevel(IsolationLevel level);

    /** This connection's current isolation level. */
    IsolationLevel isolationLevel();

    /** Makes the following transactions read-only (or not) until the connection returns to the pool. */
    void readOnly(boolean readOnly);

    /** Switches statement-at-a-time autocommit on or off (off by default) until the connection returns to the pool. */
    void autocommit(boolean autocommit);

    /**
     * The JDBC connection underneath, for work that needs JDBC itself. Statements run on it bypass
     * events, echo and error translation. Never close it: close this {@code Connection}.
     */
    java.sql.Connection jdbc();

    /**
     * Asks the database to cancel the statement this connection is running now, from another thread
     * (JDBC {@code Statement.cancel}): a statement, a JDBC batch ({@link #batch}, {@link #executeBatch}), or a
     * stream's query and the fetches that read it. The statement then fails with a
     * {@link io.athanor.orm.error.DatabaseException} on its own thread. Does nothing when no statement is
     * running, including between two statements and for work done through {@link #jdbc()}. Thread-safe,
     * unlike the rest of this interface.
     */
    void cancel();

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /**
     * Whether this connection was found lost: an error from a statement, a commit or a rollback said the
     * database ended its session or the network to it failed ({@code SQLState} class {@code 08},
     * PostgreSQL's {@code 57P01} to {@code 57P03}, MariaDB's connection-killed error, an I/O error), or,
     * when a rollback failed, the driver reported the connection closed or no longer valid. A broken
     * connection refuses further statements with an {@link IllegalStateException}; {@link #rollback()}
     * and {@link #close()} still return normally, and closing throws it away instead of returning it to
     * the pool. Take a new connection from {@link Engine#connect()} for the next transaction.
     *
     * <p>Nothing is sent to find out: a connection that died while idle reads {@code false} until the
     * next statement on it fails. Thread-safe to read.
     */
    boolean isBroken();

    /**
     * Rolls back uncommitted work and returns the connection to the pool; a {@link #isBroken() broken}
     * connection is closed and dropped from the pool instead. With {@link EngineBuilder#resetInBackground(boolean) resetInBackground(true)} the rollback of a
     * transaction still open (in which no statement failed) runs on a pool thread, and the connection is handed
     * out again only once it succeeded. Never throws;
     * closing twice does nothing.
     */
    @Override
    void close();
}

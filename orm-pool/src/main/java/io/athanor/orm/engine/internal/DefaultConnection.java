package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.CheckinEvent;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.engine.IsolationLevel;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Savepoint;
import io.athanor.orm.engine.Text;
import io.athanor.orm.engine.Transaction;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.DatabaseException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checked-out connection: its transaction's state and lifecycle; statements run through its {@link StatementRunner}. See
 * {@link Connection} for the contract.
 */
final class DefaultConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultConnection.class);
    private static final Pattern SAVEPOINT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DefaultEngine engine;
    private final java.sql.Connection jdbc;
    private final long checkoutNanos;
    /** Someone else owns the JDBC connection and its transaction: see Engine.borrow. */
    private final boolean borrowed;
    private boolean closed;
    private boolean autocommit;
    /** Statements ran since the last commit or rollback, so close() must roll back. */
    private boolean dirty;
    /** A statement failed in the current transaction; only rollback (or a savepoint rollback) may follow. */
    private boolean failed;
    /** The database lost this connection: nothing more can run on it, and the pool must drop it. */
    private volatile boolean broken;
    private final StatementRunner statements;
    private ConnectionTransaction explicit;
    private int savepointNumber;
    /** The isolation level, per transaction on PostgreSQL. */
    private final TransactionSettings settings;
    /** Streams still open: a transaction's end closes them, since the database closes their cursors then. */
    private final List<StreamCursor<?>> openCursors = new ArrayList<>(0);

    DefaultConnection(DefaultEngine engine, java.sql.Connection jdbc, long checkoutNanos) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.checkoutNanos = checkoutNanos;
        this.borrowed = false;
        this.statements = new StatementRunner(this, engine, jdbc);
        try {
            this.settings = TransactionSettings.of(jdbc, engine.perTransactionSettings(jdbc), engine.config().isolationLevel(),
                    engine.config().dataSource() != null);
        } catch (SQLException e) {
            engine.release(jdbc, true);
            throw engine.errors().statement(e, "(set the engine's isolation level)", List.of());
        }
    }

    /**
     * A connection over a JDBC connection someone else owns, with the transaction they manage: see
     * {@link io.athanor.orm.engine.Engine#borrow(java.sql.Connection)}.
     */
    DefaultConnection(DefaultEngine engine, java.sql.Connection jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.checkoutNanos = 0L;
        this.borrowed = true;
        this.statements = new StatementRunner(this, engine, jdbc);
        try {
            this.settings = TransactionSettings.of(jdbc, false, null, false);
            this.autocommit = jdbc.getAutoCommit();
        } catch (SQLException e) {
            throw engine.errors().statement(e, "(read the borrowed connection's autocommit mode)", List.of());
        }
        // Work may already have run on it (the owner's own statements): close() never rolls it back anyway.
        this.dirty = !autocommit;
    }

    /** Refuses what would end or change the owner's transaction behind its back. */
    private void checkNotBorrowed(String what) {
        if (borrowed) {
            throw new IllegalStateException("Cannot " + what + " on a borrowed connection: its transaction belongs to whoever "
                    + "lent it (a transaction manager such as Spring's), which commits or rolls it back. End the transaction "
                    + "there, or use engine.connect() for a connection of your own.");
        }
    }

    /**
     * Marks the transaction as having work; at its first statement on PostgreSQL, first sets its isolation
     * level, if one was asked for.
     */
    private void startTransaction() {
        if (dirty || autocommit) {
            dirty = true;
            return;
        }
        dirty = true;
        String start = settings.transactionStart();
        if (start != null) {
            reported(start, c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute(start);
                }
                return null;
            }, r -> 0L);
        }
    }

    @Override
    public Result execute(Text sql) {
        return execute(sql, Map.of());
    }

    @Override
    public Result execute(Text sql, Map<String, ?> params) {
        return statements.execute(sql, params);
    }

    @Override
    public long executeUpdate(Text sql, Map<String, ?> params) {
        return execute(sql, params).rowCount();
    }

    @Override
    public <T> T query(String sql, List<Object> parameters, PreparedWork.Binder binder, PreparedWork.Reader<T> reader) {
        return statements.query(sql, parameters, binder, reader);
    }

    @Override
    public <T> java.util.stream.Stream<T> stream(String sql, List<Object> parameters, PreparedWork.Binder binder, int fetchSize,
                                                 PreparedWork.Reader<T> rowReader) {
        StreamCursor<T> cursor = statements.stream(sql, parameters, binder, fetchSize, rowReader);
        openCursors.add(cursor);
        return java.util.stream.StreamSupport.stream(cursor, false).onClose(cursor::close);
    }

    /** Forgets a stream's cursor that has closed. */
    void forget(StreamCursor<?> cursor) {
        openCursors.remove(cursor);
    }

    @Override
    public long[] batch(String sql, List<List<Object>> parameterSets, BatchBinder binder, String[] keyColumns,
                        PreparedWork.Reader<?> keyReader) {
        return statements.batch(sql, parameterSets, binder, keyColumns, keyReader);
    }

    @Override
    public long update(String sql, List<Object> parameters, PreparedWork.Binder binder) {
        return statements.update(sql, parameters, binder);
    }

    @Override
    public <T> T runJdbc(String sql, JdbcWork<T> work, ToLongFunction<? super T> rowCount) {
        beforeStatement();
        return statements.reported(sql, work, rowCount);
    }

    /** See {@link StatementRunner#reported}. */
    <T> T reported(String sql, JdbcWork<T> work, ToLongFunction<? super T> rowCount) {
        return statements.reported(sql, work, rowCount);
    }

    @Override
    public void cancel() {
        statements.cancel();
    }

    @Override
    public long[] executeBatch(Text sql, List<? extends Map<String, ?>> paramsPerRow) {
        return statements.executeBatch(sql, paramsPerRow);
    }

    /** A statement is about to run: the connection must be usable, and its transaction started. */
    void beforeStatement() {
        checkUsable();
        startTransaction();
    }

    /** Work is running in the transaction, so close() must roll back. */
    void markDirty() {
        dirty = true;
    }

    /** Work failed outside the driver (a reader, JDBC work): in a transaction, only a rollback may follow. */
    void workFailed() {
        failed = !autocommit;
    }

    /** Translates a driver error, noting that the transaction failed and whether the connection is lost. */
    DatabaseException failure(SQLException e, String sql, List<Object> params) {
        return failure(e, sql, params, List.of());
    }

    /** {@link #failure(SQLException, String, List)} of a batch, whose every row's values {@code rows} holds. */
    DatabaseException failure(SQLException e, String sql, List<Object> params, List<List<Object>> rows) {
        if (!autocommit) {
            failed = true;
        }
        if (LostConnection.is(e)) {
            broken = true;
        }
        return engine.errors().statement(e, sql, params, rows);
    }

    @Override
    public Transaction begin() {
        checkOpen();
        if (explicit != null && explicit.active) {
            throw new IllegalStateException("A transaction begun with begin() is still open on this connection; commit or "
                    + "roll it back first, or use savepoint() for a nested one.");
        }
        if (autocommit) {
            throw new IllegalStateException("This connection is in autocommit mode, where each statement commits by itself; "
                    + "call autocommit(false) before begin().");
        }
        explicit = new ConnectionTransaction(this);
        return explicit;
    }

    @Override
    public void commit() {
        checkAlive();
        checkNotBorrowed("commit()");
        if (failed) {
            throw new IllegalStateException("A statement failed in this transaction, so it cannot be committed: call rollback() "
                    + "(or roll back to a savepoint set before the failure), then run the work again.");
        }
        endTransaction(true);
    }

    @Override
    public void rollback() {
        checkOpen();
        checkNotBorrowed("rollback()");
        endTransaction(false);
    }

    private void endTransaction(boolean commit) {
        for (StreamCursor<?> cursor : new ArrayList<>(openCursors)) {
            cursor.abandon();
        }
        if (explicit != null) {
            explicit.active = false;
            explicit = null;
        }
        if (autocommit) {
            return;
        }
        try {
            if (commit) {
                jdbc.commit();
            } else if (!broken) {
                jdbc.rollback();
            }
        } catch (SQLException e) {
            if (commit && commitCutOff(e)) {
                throw engine.errors().commitOutcomeUnknown(e);
            }
            if (commit || !lost(e)) {
                throw failure(e, commit ? "COMMIT" : "ROLLBACK", List.of());
            }
            // The server discarded the transaction with the session: the rollback has happened.
            LOG.debug("Rollback found the connection lost; it will be dropped from the pool when closed", e);
        } finally {
            dirty = false;
            failed = false;
        }
    }

    /**
     * Whether a commit failed because the connection went while it ran, so that nobody knows whether it
     * happened; marks the connection broken if so. An error the server answered with (a deferred
     * constraint, a serialization failure) carries a {@code SQLState} and means the commit did not happen.
     */
    private boolean commitCutOff(SQLException e) {
        if (LostConnection.is(e) || e.getSQLState() == null && !engine.alive(jdbc)) {
            broken = true;
        }
        return broken;
    }

    /**
     * Whether {@code e}, or failing that the driver, says the connection is gone; marks it broken if so.
     * For error paths only: asking the driver may cost a round trip.
     */
    private boolean lost(SQLException e) {
        if (LostConnection.is(e) || !engine.alive(jdbc)) {
            broken = true;
        }
        return broken;
    }

    @Override
    public Savepoint savepoint() {
        return savepoint("athanor_sp_" + (++savepointNumber));
    }

    @Override
    public Savepoint savepoint(String name) {
        checkUsable();
        if (name == null || !SAVEPOINT_NAME.matcher(name).matches()) {
            throw new AthanorException("Savepoint name '" + name + "' is not allowed: use letters, digits and underscores, "
                    + "starting with a letter or underscore, at most 63 characters.");
        }
        if (autocommit) {
            throw new IllegalStateException("Savepoints need a transaction, but this connection is in autocommit mode; "
                    + "call autocommit(false) first.");
        }
        startTransaction();
        return reported("SAVEPOINT " + name, c -> new ConnectionSavepoint(this, name, c.setSavepoint(name)), handle -> 0L);
    }

    @Override
    public boolean inTransaction() {
        return explicit != null && explicit.active;
    }

    @Override
    public void isolationLevel(IsolationLevel level) {
        checkOpen();
        if (level == null) {
            throw new IllegalArgumentException("isolationLevel(null): give a level; a new connection starts at the engine's default.");
        }
        try {
            if (borrowed && jdbc.getTransactionIsolation() == level.jdbcLevel()) {
                return;
            }
            settings.isolation(jdbc, level, dirty && !autocommit);
        } catch (SQLException e) {
            throw failure(e, "SET TRANSACTION ISOLATION LEVEL " + TransactionSettings.sqlName(level), List.of());
        }
    }

    @Override
    public IsolationLevel isolationLevel() {
        checkOpen();
        try {
            return settings.isolation(jdbc);
        } catch (SQLException e) {
            throw failure(e, "(read isolation level)", List.of());
        }
    }

    @Override
    public void readOnly(boolean readOnly) {
        checkOpen();
        try {
            if (borrowed && jdbc.isReadOnly() == readOnly) {
                return; // the owner set it already (and PostgreSQL refuses to change it inside a transaction)
            }
            jdbc.setReadOnly(readOnly);
        } catch (SQLException e) {
            throw failure(e, "SET TRANSACTION READ " + (readOnly ? "ONLY" : "WRITE"), List.of());
        }
    }

    @Override
    public void autocommit(boolean on) {
        checkOpen();
        if (on == autocommit) {
            return;
        }
        checkNotBorrowed(on ? "switch autocommit on" : "switch autocommit off");
        if (on && dirty) {
            throw new IllegalStateException("This connection has uncommitted work; commit() or rollback() before switching "
                    + "autocommit on.");
        }
        try {
            jdbc.setAutoCommit(on);
            autocommit = on;
        } catch (SQLException e) {
            throw failure(e, "(set autocommit " + on + ")", List.of());
        }
    }

    @Override
    public java.sql.Connection jdbc() {
        checkOpen();
        startTransaction();
        return jdbc;
    }

    /** A savepoint was rolled back: the statements after it, and their failure, are undone. */
    void clearFailure() {
        failed = false;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isBroken() {
        return broken;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (!openCursors.isEmpty()) {
            for (StreamCursor<?> cursor : new ArrayList<>(openCursors)) {
                cursor.abandon();
            }
        }
        closed = true;
        if (borrowed) {
            return; // the owner ends its transaction and gives the JDBC connection back
        }
        boolean rollback = dirty && !autocommit && !broken;
        // A transaction in which a statement failed is rolled back here, so that a retry of it never waits on its locks.
        if (rollback && !failed && engine.releaseRollingBack(jdbc)) {
            checkedIn();
            return;
        }
        try {
            if (rollback) {
                jdbc.rollback();
            }
            if (!broken) {
                settings.restore(jdbc);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Rolling back on close failed; dropping the connection from the pool", e);
            broken = true;
        } finally {
            engine.release(jdbc, broken);
            checkedIn();
        }
    }

    private void checkedIn() {
        EventHub.Listeners listeners = engine.eventHub().listeners();
        if (listeners.checkin) {
            listeners.fireCheckin(new CheckinEvent(Duration.ofNanos(checkoutNanos == 0L ? 0L : System.nanoTime() - checkoutNanos)));
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("This connection is closed; get a new one from engine.connect().");
        }
    }

    void checkAlive() {
        checkOpen();
        if (broken) {
            throw new IllegalStateException("This connection was lost: the database ended its session or the network to it "
                    + "failed, so its transaction is gone. rollback() and close() still succeed; take a new connection "
                    + "from engine.connect() and run the transaction again.");
        }
    }

    void checkUsable() {
        checkAlive();
        if (failed) {
            throw new IllegalStateException("A statement failed earlier in this transaction; call rollback() (or roll back to "
                    + "a savepoint set before the failure) before running more statements.");
        }
    }
}

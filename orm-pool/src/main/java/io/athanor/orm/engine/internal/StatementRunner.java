package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.AfterExecuteEvent;
import io.athanor.orm.engine.BeforeExecuteEvent;
import io.athanor.orm.engine.Connection.BatchBinder;
import io.athanor.orm.engine.Connection.JdbcWork;
import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.DatabaseException;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one {@link DefaultConnection} runs its statements: bind, execute, the execute events around each and their
 * timing, the statement running now (for {@link #cancel()}), and driver errors translated through the connection,
 * which keeps the transaction's state. Used by the connection's thread; {@link #cancel()} from any thread.
 */
final class StatementRunner {
    /** The connection's logger: what goes wrong here is the connection's to report. */
    private static final Logger LOG = LoggerFactory.getLogger(DefaultConnection.class);
    /** The one, empty, parameter set of a statement that has no parameters. */
    private static final List<List<Object>> NO_PARAMETERS = List.of(List.of());

    private final DefaultConnection connection;
    private final DefaultEngine engine;
    private final java.sql.Connection jdbc;
    /** The statement running now, for cancel() from another thread. */
    volatile java.sql.Statement running;

    StatementRunner(DefaultConnection connection, DefaultEngine engine, java.sql.Connection jdbc) {
        this.connection = connection;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    Result execute(Text sql, Map<String, ?> params) {
        Text.Bound bound = sql.bind(params);
        return run(bound.sql(), bound.values());
    }

    private Result run(String sql, Object[] values) {
        return prepared(sql, paramList(values), ps -> {
            for (int i = 0; i < values.length; i++) {
                JdbcValues.bind(ps, i + 1, values[i]);
            }
        }, ps -> {
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    return JdbcValues.result(rs);
                }
            }
            return Result.ofUpdateCount(Math.max(0, ps.getUpdateCount()));
        }, Result::rowCount);
    }

    <T> T query(String sql, List<Object> parameters, PreparedWork.Binder binder, PreparedWork.Reader<T> reader) {
        return prepared(sql, parameters, binder, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        }, r -> r instanceof java.util.Collection ? ((java.util.Collection<?>) r).size() : -1);
    }

    /** Opens the cursor of a streamed query; the connection keeps it until it closes or the transaction ends. */
    <T> StreamCursor<T> stream(String sql, List<Object> parameters, PreparedWork.Binder binder, int fetchSize,
                               PreparedWork.Reader<T> rowReader) {
        connection.beforeStatement();
        EventHub.Listeners listeners = engine.eventHub().listeners();
        BeforeExecuteEvent event = listeners.statements ? new BeforeExecuteEvent(sql, List.of(parameters), false) : null;
        if (event != null) {
            listeners.fireBefore(event);
        }
        long start = event != null ? System.nanoTime() : 0L;
        connection.markDirty();
        PreparedStatement ps = null;
        ResultSet rs;
        try {
            ps = jdbc.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(fetchSize);
            binder.bind(ps);
            running = ps;
            rs = ps.executeQuery();
        } catch (SQLException e) {
            closeQuietly(ps);
            DatabaseException error = connection.failure(e, sql, parameters);
            after(listeners, event, start, -1, error);
            throw error;
        } finally {
            running = null;
        }
        return new StreamCursor<>(connection, this, ps, rs, rowReader, sql, parameters, listeners, event, start);
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    long[] batch(String sql, List<List<Object>> parameterSets, BatchBinder binder, String[] keyColumns,
                 PreparedWork.Reader<?> keyReader) {
        connection.beforeStatement();
        EventHub.Listeners listeners = engine.eventHub().listeners();
        BeforeExecuteEvent event = null;
        long start = 0L;
        if (listeners.statements) {
            event = new BeforeExecuteEvent(sql, parameterSets, true);
            listeners.fireBefore(event);
            start = System.nanoTime();
        }
        connection.markDirty();
        long[] counts;
        long total = 0;
        boolean withKeys = keyColumns != null && keyColumns.length > 0;
        try (PreparedStatement ps = withKeys ? jdbc.prepareStatement(sql, keyColumns) : jdbc.prepareStatement(sql)) {
            for (int row = 0; row < parameterSets.size(); row++) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            int[] raw;
            running = ps;
            try {
                raw = ps.executeBatch();
            } finally {
                running = null;
            }
            counts = new long[raw.length];
            for (int i = 0; i < raw.length; i++) {
                counts[i] = raw[i];
                total += Math.max(0, raw[i]);
            }
            if (withKeys) {
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    keyReader.read(rs);
                } catch (RuntimeException readFailure) {
                    connection.workFailed();
                    after(listeners, event, start, -1, readFailure);
                    throw readFailure;
                }
            }
        } catch (SQLException e) {
            SQLException cause = e instanceof BatchUpdateException && e.getSQLState() == null && e.getNextException() != null
                    ? e.getNextException() : e;
            List<Object> failedRow = parameterSets.isEmpty() ? List.of() : parameterSets.get(SqlErrors.failedRow(e, parameterSets.size()));
            DatabaseException error = connection.failure(cause, sql, failedRow, parameterSets);
            after(listeners, event, start, -1, error);
            throw error;
        }
        after(listeners, event, start, total, null);
        return counts;
    }

    long update(String sql, List<Object> parameters, PreparedWork.Binder binder) {
        return prepared(sql, parameters, binder, ps -> (long) ps.executeUpdate(), n -> n);
    }

    /**
     * Work done through JDBC's own API (savepoints, a driver's COPY), reported to the events as the statement
     * {@code sql}, with error translation as for any statement.
     */
    <T> T reported(String sql, JdbcWork<T> work, ToLongFunction<? super T> rowCount) {
        EventHub.Listeners listeners = engine.eventHub().listeners();
        BeforeExecuteEvent event = null;
        long start = 0L;
        if (listeners.statements) {
            event = new BeforeExecuteEvent(sql, NO_PARAMETERS, false);
            listeners.fireBefore(event);
            start = System.nanoTime();
        }
        connection.markDirty();
        T result;
        RuntimeException error;
        try {
            result = work.run(jdbc);
            error = null;
        } catch (SQLException e) {
            result = null;
            error = connection.failure(e, sql, List.of());
        } catch (RuntimeException e) {
            result = null;
            error = e;
            connection.workFailed();
        }
        after(listeners, event, start, error == null ? rowCount.applyAsLong(result) : -1, error);
        if (error != null) {
            throw error;
        }
        return result;
    }

    /** Fires the after-event of a statement, if its before-event fired ({@code event} is null when nobody listens). */
    private static void after(EventHub.Listeners listeners, BeforeExecuteEvent event, long start, long rowCount,
                              RuntimeException error) {
        if (event != null) {
            listeners.fireAfter(new AfterExecuteEvent(event, Duration.ofNanos(System.nanoTime() - start), rowCount, error));
        }
    }

    @FunctionalInterface
    private interface Execution<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    /** One statement: events around it, the binder, the execution, error translation. */
    private <T> T prepared(String sql, List<Object> parameters, PreparedWork.Binder binder, Execution<T> execution,
                           java.util.function.ToLongFunction<T> rowCount) {
        connection.beforeStatement();
        EventHub.Listeners listeners = engine.eventHub().listeners();
        BeforeExecuteEvent event = null;
        long start = 0L;
        if (listeners.statements) {
            event = new BeforeExecuteEvent(sql, List.of(parameters), false);
            listeners.fireBefore(event);
            start = System.nanoTime();
        }
        connection.markDirty();
        T result;
        try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
            binder.bind(ps);
            running = ps;
            result = execution.run(ps);
        } catch (SQLException e) {
            DatabaseException error = connection.failure(e, sql, parameters);
            after(listeners, event, start, -1, error);
            throw error;
        }
        finally {
            running = null;
        }
        after(listeners, event, start, rowCount.applyAsLong(result), null);
        return result;
    }

    void cancel() {
        java.sql.Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException e) {
                LOG.debug("Cancelling a statement failed", e);
            }
        }
    }

    long[] executeBatch(Text sql, List<? extends Map<String, ?>> paramsPerRow) {
        connection.checkUsable();
        if (paramsPerRow.isEmpty()) {
            return new long[0];
        }
        String statement = null;
        List<List<Object>> rows = new ArrayList<>(paramsPerRow.size());
        for (Map<String, ?> params : paramsPerRow) {
            Text.Bound bound = sql.bind(params);
            if (statement == null) {
                statement = bound.sql();
            } else if (!statement.equals(bound.sql())) {
                throw new AthanorException("Batch row " + rows.size() + " expands a collection parameter to a different size than "
                        + "row 0, so the rows do not share one statement. Give every row collections of the same size, or run "
                        + "them as separate statements. Statement: " + sql.sql());
            }
            rows.add(paramList(bound.values()));
        }
        return batch(statement, rows, (ps, row) -> {
            List<Object> values = rows.get(row);
            for (int i = 0; i < values.size(); i++) {
                JdbcValues.bind(ps, i + 1, values.get(i));
            }
        }, null, null);
    }

    private static List<Object> paramList(Object[] values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }
}

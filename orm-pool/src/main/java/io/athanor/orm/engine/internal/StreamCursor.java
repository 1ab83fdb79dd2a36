package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.AfterExecuteEvent;
import io.athanor.orm.engine.BeforeExecuteEvent;
import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.error.DatabaseException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * The open result set behind {@link DefaultConnection#stream}, read row by row; closing it closes the
 * statement and fires the after-event. Not thread-safe.
 */
final class StreamCursor<T> extends Spliterators.AbstractSpliterator<T> {
    private final DefaultConnection owner;
    private final StatementRunner statements;
    private final PreparedStatement ps;
    private final ResultSet rs;
    private final PreparedWork.Reader<T> rowReader;
    private final String sql;
    private final List<Object> parameters;
    private final EventHub.Listeners listeners;
    private final BeforeExecuteEvent event;
    private final long start;
    private long rows;
    private boolean closed;

    StreamCursor(DefaultConnection owner, StatementRunner statements, PreparedStatement ps, ResultSet rs,
                 PreparedWork.Reader<T> rowReader, String sql, List<Object> parameters, EventHub.Listeners listeners,
                 BeforeExecuteEvent event, long start) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.owner = owner;
        this.statements = statements;
        this.ps = ps;
        this.rs = rs;
        this.rowReader = rowReader;
        this.sql = sql;
        this.parameters = parameters;
        this.listeners = listeners;
        this.event = event;
        this.start = start;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (closed) {
            throw new IllegalStateException("This stream's cursor is closed: the stream was closed, or the transaction it "
                    + "read in ended. Read a stream to its end before commit() or rollback().");
        }
        try {
            boolean more;
            statements.running = ps;
            try {
                more = rs.next();
            } finally {
                statements.running = null;
            }
            if (!more) {
                return false;
            }
            rows++;
            action.accept(rowReader.read(rs));
            return true;
        } catch (SQLException e) {
            DatabaseException error = owner.failure(e, sql, parameters);
            finish(error);
            throw error;
        }
    }

    /** Closes the cursor because its transaction is ending. */
    void abandon() {
        finish(null);
    }

    void close() {
        finish(null);
    }

    private void finish(RuntimeException error) {
        if (closed) {
            return;
        }
        closed = true;
        owner.forget(this);
        StatementRunner.closeQuietly(rs);
        StatementRunner.closeQuietly(ps);
        if (event != null) {
            listeners.fireAfter(new AfterExecuteEvent(event, Duration.ofNanos(System.nanoTime() - start),
                    error == null ? rows : -1, error));
        }
    }
}

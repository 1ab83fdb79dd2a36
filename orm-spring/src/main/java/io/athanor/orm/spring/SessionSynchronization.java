package io.athanor.orm.spring;

import io.athanor.orm.JoinedSession;
import io.athanor.orm.Session;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties one joined session to the life of one Spring transaction: unbound while it is suspended, flushed before it
 * commits, marked at each savepoint and rolled back with it, told of its outcome, then closed and its connection
 * released. One transaction's, on its thread.
 */
final class SessionSynchronization implements TransactionSynchronization {
    private final TransactionalSessions owner;
    private final JoinedSession joined;
    private final java.sql.Connection jdbc;
    private final DataSource dataSource;
    /** The savepoints set since the session opened, oldest first, with where each began in the session. */
    private final List<Object> savepoints = new ArrayList<>(0);
    private final List<JoinedSession.Mark> marks = new ArrayList<>(0);

    SessionSynchronization(TransactionalSessions owner, JoinedSession joined, java.sql.Connection jdbc, DataSource dataSource) {
        this.owner = owner;
        this.joined = joined;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    Session session() {
        return joined.session();
    }

    /** Before DataSourceUtils' own synchronization (order 1000), which may release the connection. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(owner);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(owner, this);
    }

    @Override
    public void flush() {
        joined.session().flush();
    }

    @Override
    public void savepoint(Object savepoint) {
        JoinedSession.Mark mark = joined.mark();
        savepoints.add(savepoint);
        marks.add(mark);
    }

    @Override
    public void savepointRollback(Object savepoint) {
        int i = indexOf(savepoint);
        if (i < 0) {
            // Set before this session opened: everything the session did is younger, and goes.
            joined.rolledBack();
            savepoints.clear();
            marks.clear();
            return;
        }
        marks.get(i).rolledBack();
        // The savepoint is released after its rollback; those set after it went with it.
        while (savepoints.size() > i) {
            savepoints.remove(savepoints.size() - 1);
            marks.remove(marks.size() - 1);
        }
    }

    private int indexOf(Object savepoint) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i) == savepoint) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        joined.beforeCommit();
    }

    @Override
    public void afterCompletion(int status) {
        try {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner);
            if (status == STATUS_COMMITTED) {
                joined.committed();
            } else {
                joined.rolledBack();
            }
        } finally {
            try {
                joined.close();
            } finally {
                DataSourceUtils.releaseConnection(jdbc, dataSource);
            }
        }
    }
}

package io.athanor.orm.internal.session;

import io.athanor.orm.SessionOptions;
import io.athanor.orm.CommitPosition;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.internal.route.ReadRouter;

/**
 * A session's connection and transaction, as an explicit state machine (SQLAlchemy's SessionTransaction):
 * <pre>
 *   IDLE ──first read──▶ READING (autocommit, where reads may run outside a transaction)
 *   IDLE/READING ──write, lock, begin()──▶ ACTIVE ──commit/rollback──▶ READING (or ACTIVE again without autocommit reads)
 *   ACTIVE ──flush failed, commit failed──▶ FAILED ──rollback()──▶ as after a rollback
 *   any ──close()──▶ CLOSED
 * </pre>
 * Savepoints are nested states of ACTIVE ({@link SessionSavepoint}). A connection that died is let go at
 * the rollback, and the next transaction takes a fresh one. Each refusal says "cannot X while Y" and what
 * to do. One session's, one thread's; {@link #cancel()} alone may be called from another thread.
 */
final class SessionTransaction {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionTransaction.class);

    /** Where the session's transaction stands. */
    enum State { IDLE, READING, ACTIVE, FAILED, CLOSED }

    /** Opens the session's connection: the primary's, or for a read-only session a replica's. */
    private final java.util.function.Supplier<Connection> opener;
    /** Notes commit positions when there are replicas to wait for them; else null. */
    private final ReadRouter positions;
    private CommitPosition committedAt;
    private final SessionOptions options;
    private final boolean readsOutsideTransactionAllowed;
    private volatile Connection connection;
    private State state = State.IDLE;
    /** Whether the user called begin(): reads then run inside the transaction too. */
    private boolean explicit;
    /** Why the transaction failed, while FAILED. */
    private RuntimeException failure;
    /** Open savepoints, innermost last. */
    private final java.util.ArrayList<SessionSavepoint> savepoints = new java.util.ArrayList<>(0);
    /** While FAILED inside a savepoint: the savepoint whose rollback recovers (the database transaction is intact). */
    private SessionSavepoint failedInside;

    /** Told when transactions begin and end. */
    private final SessionListeners listeners;
    private final io.athanor.orm.Session owner;
    /** Whether a database transaction is open and reported begun to the listeners. */
    private boolean begun;

    SessionTransaction(java.util.function.Supplier<Connection> opener, ReadRouter positions, SessionOptions options,
                       boolean readsOutsideTransactionAllowed, SessionListeners listeners, io.athanor.orm.Session owner) {
        this.listeners = listeners;
        this.owner = owner;
        this.opener = opener;
        this.positions = positions;
        this.options = options;
        this.readsOutsideTransactionAllowed = readsOutsideTransactionAllowed;
    }

    /** Throws unless the session may run statements: open and not failed. */
    void checkUsable() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("This session is closed; open a new one with sessions.open().");
        }
        if (state == State.FAILED && failedInside != null) {
            throw new IllegalStateException("Cannot use this session while its savepoint " + failedInside.name() + " is "
                    + "failed: a flush inside it failed (" + failure.getClass().getSimpleName() + ": "
                    + firstLine(failure.getMessage()) + "). Call rollback() on the savepoint to go back to it and carry on, "
                    + "or session.rollback() to discard the whole transaction.");
        }
        if (state == State.FAILED) {
            throw new IllegalStateException("Cannot use this session while its transaction is failed: it was rolled back "
                    + "because a flush or commit failed (" + failure.getClass().getSimpleName() + ": "
                    + firstLine(failure.getMessage()) + "). Call rollback() to start a new transaction; the instances kept "
                    + "their state, so fix them and add them again.");
        }
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    boolean isFailed() {
        return state == State.FAILED;
    }

    /**
     * Whether reads may run before a transaction begins: at READ COMMITTED (PostgreSQL's and H2's default)
     * each statement sees the latest committed rows inside a transaction or not, so a session that only
     * reads saves the BEGIN/ROLLBACK round trip; read-only sessions and explicit isolation keep theirs.
     */
    private boolean readsOutsideTransaction() {
        return readsOutsideTransactionAllowed && !options.isReadOnly() && options.isolationLevel() == null && !explicit;
    }

    /** The connection for reads: outside a transaction (autocommit) until the session writes, where that is allowed. */
    Connection forRead() {
        checkUsable();
        if (connection == null) {
            Connection c = opener.get();
            try {
                if (options.isReadOnly()) {
                    c.readOnly(true);
                }
                if (options.isolationLevel() != null) {
                    c.isolationLevel(options.isolationLevel());
                }
                if (readsOutsideTransaction()) {
                    c.autocommit(true);
                    state = State.READING;
                } else {
                    state = State.ACTIVE;
                }
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        if (state == State.ACTIVE && !begun) {
            noteBegun();
        }
        return connection;
    }

    private void noteBegun() {
        begun = true;
        listeners.transactionBegun(owner);
    }

    /** The reported transaction ended (committed, or rolled back, with the failure that caused that, if any). */
    private void noteEnded(boolean committed, Throwable failure) {
        if (begun) {
            begun = false;
            listeners.transactionEnded(owner, committed, failure);
        }
    }

    /** The connection, in a transaction: for writes, locks, cursors and raw SQL. */
    Connection forWrite() {
        Connection c = forRead();
        if (state == State.READING) {
            c.autocommit(false);
            state = State.ACTIVE;
            noteBegun();
        }
        return c;
    }

    /** begin(): reads from now on run inside the transaction. */
    void begin() {
        checkUsable();
        if (explicit) {
            throw new IllegalStateException("Cannot begin() while a transaction is already in progress in this session; "
                    + "commit() or rollback() it first, or use beginNested() for a savepoint.");
        }
        explicit = true;
        if (connection != null && state == State.READING) {
            forWrite();
        }
    }

    /** Commits the open transaction, if any; on failure the transaction is rolled back and FAILED. */
    void commit() {
        savepoints.clear();
        boolean committed = false;
        if (connection != null && state == State.ACTIVE) {
            try {
                connection.commit();
                committed = true;
            } catch (RuntimeException e) {
                fail(e);
                throw e;
            }
        }
        noteEnded(true, null);
        ended();
        if (committed && positions != null && !options.isReadOnly()) {
            notePosition();
        }
    }

    /** The primary's position after the last commit, or null. */
    CommitPosition committedAt() {
        return committedAt;
    }

    /** Reads the position the commit left the primary at, outside a transaction; a failure only costs the position. */
    private void notePosition() {
        Connection c = connection;
        boolean manual = state != State.READING;
        try {
            if (manual) {
                c.autocommit(true);
            }
            committedAt = positions.positionAfterCommit(c);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the primary's position after a commit ({}); sessions reading your writes from replicas "
                    + "will not wait for this commit", firstLine(e.getMessage()));
        } finally {
            if (manual && c == connection && !c.isClosed() && !c.isBroken()) {
                try {
                    c.autocommit(false);
                } catch (RuntimeException e) {
                    discardConnection();
                    state = State.IDLE;
                }
            }
        }
    }

    /**
     * A flush failed: inside a savepoint, work is refused until that savepoint's rollback (the database keeps
     * the transaction); otherwise as {@link #fail}.
     */
    void flushFailed(RuntimeException cause) {
        SessionSavepoint innermost = savepoints.isEmpty() ? null : savepoints.get(savepoints.size() - 1);
        if (innermost != null && connection != null && !connection.isBroken() && !connection.isClosed()) {
            failure = cause;
            failedInside = innermost;
            state = State.FAILED;
            return;
        }
        fail(cause);
    }

    /** A flush or commit failed: rolls the database transaction back and refuses work until rollback(). */
    void fail(RuntimeException cause) {
        savepoints.clear();
        failedInside = null;
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (RuntimeException suppressed) {
            cause.addSuppressed(suppressed);
            discardConnection();
        }
        failure = cause;
        state = State.FAILED;
        noteEnded(false, cause);
    }

    /** Rolls the database transaction back, if any; a dead connection is let go instead, and never makes this throw. */
    void rollback() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("This session is closed; open a new one with sessions.open().");
        }
        if (connection != null && (state == State.ACTIVE || state == State.FAILED)) {
            try {
                connection.rollback();
            } catch (RuntimeException e) {
                // A connection that died (server restarted, backend terminated, network cut) took its transaction
                // with it: the server has rolled it back. Let the connection go; the next transaction takes a fresh one.
                LOG.warn("Rollback failed ({}); releasing the session's connection, the next transaction takes a new one",
                        firstLine(e.getMessage()));
                discardConnection();
            }
        }
        if (connection != null && (connection.isBroken() || connection.isClosed())) {
            discardConnection(); // lost: the next transaction takes a fresh connection
        }
        failure = null;
        failedInside = null;
        savepoints.clear();
        noteEnded(false, null);
        ended();
    }

    /** Notes a savepoint begun on the connection. */
    void savepointBegun(SessionSavepoint sp) {
        savepoints.add(sp);
    }

    /** Whether {@code sp} may be rolled back now: it is open, and the session is usable or failed inside it (or deeper). */
    void checkSavepointRollback(SessionSavepoint sp) {
        if (state == State.CLOSED) {
            throw new IllegalStateException("This session is closed; open a new one with sessions.open().");
        }
        if (!savepoints.contains(sp)) {
            throw new IllegalStateException("Cannot roll back savepoint " + sp.name() + ": it is no longer open (released, "
                    + "or ended with an enclosing savepoint or the transaction). Begin a new one with beginNested().");
        }
        if (state == State.FAILED && failedInside == null) {
            checkUsable();
        }
    }

    /** The database went back to {@code sp}: savepoints begun after it are gone, and the session is usable again. */
    void savepointRolledBack(SessionSavepoint sp) {
        while (!savepoints.isEmpty() && savepoints.get(savepoints.size() - 1) != sp) {
            savepoints.remove(savepoints.size() - 1);
        }
        if (failedInside != null) {
            failedInside = null;
            failure = null;
            state = State.ACTIVE;
        }
    }

    /** Whether {@code sp} may be released now (open, and the session usable); forgets it and those begun after it. */
    void savepointReleased(SessionSavepoint sp) {
        checkUsable();
        if (!savepoints.contains(sp)) {
            throw new IllegalStateException("Cannot release savepoint " + sp.name() + ": it is no longer open.");
        }
        while (!savepoints.isEmpty()) {
            if (savepoints.remove(savepoints.size() - 1) == sp) {
                break;
            }
        }
    }

    /** After commit or rollback: back to reading outside a transaction, where allowed. */
    private void ended() {
        explicit = false;
        if (connection == null) {
            state = State.IDLE;
        } else if (readsOutsideTransaction()) {
            if (state != State.READING) {
                try {
                    connection.autocommit(true);
                } catch (RuntimeException e) {
                    LOG.warn("Could not return the connection to autocommit ({}); releasing it", firstLine(e.getMessage()));
                    discardConnection();
                    state = State.IDLE;
                    return;
                }
            }
            state = State.READING;
        } else {
            state = State.ACTIVE; // autocommit stays off: the next statement begins the next transaction
        }
    }

    /** Cancels the statement running now, from another thread. */
    void cancel() {
        Connection c = connection;
        if (c != null) {
            c.cancel();
        }
    }

    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        discardConnection();
        noteEnded(false, null);
    }

    /** Closes the connection (the pool evicts a broken one) and forgets it, never throwing. */
    private void discardConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing a broken connection failed", e);
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

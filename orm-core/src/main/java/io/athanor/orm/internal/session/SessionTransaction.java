package io.athanor.orm.internal.session;

import io.athanor.orm.SessionOptions;
import io.athanor.orm.CommitPosition;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.PartialCommitException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.route.ReadRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A session's connection and transaction, as an explicit state machine (SQLAlchemy's SessionTransaction):
 * <pre>
 *   IDLE ──first read──▶ READING (autocommit, where reads may run outside a transaction)
 *   IDLE/READING ──write, lock, begin()──▶ ACTIVE ──commit/rollback──▶ READING (or ACTIVE again without autocommit reads)
 *   ACTIVE ──flush failed, commit failed──▶ FAILED ──rollback()──▶ as after a rollback
 *   any ──close()──▶ CLOSED
 * </pre>
 * Savepoints are nested states of ACTIVE ({@link SessionSavepoint}). A connection that died is let go at
 * the rollback, and the next transaction takes a fresh one.
 * <p>A session may hold one connection per engine (per-entity engines, shards), all under this one state
 * machine: a connection opened while ACTIVE joins the transaction, a write turns every open connection
 * ACTIVE, commit commits each in the engines' fixed order (not two-phase: a failure after an earlier commit
 * raises {@link io.athanor.orm.PartialCommitException} naming both sides), rollback and failure roll back all.
 * Connections are kept across transactions, so lazy loads read from the engine they loaded from. Each refusal says "cannot X while Y" and what
 * to do. One session's, one thread's; {@link #cancel()} alone may be called from another thread.
 */
final class SessionTransaction {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionTransaction.class);

    /** Where the session's transaction stands. */
    enum State { IDLE, READING, ACTIVE, FAILED, CLOSED }

    /** An engine's connection, as the session holds it. */
    private record Open(Engine engine, Connection connection) {
    }

    /** The engine of statements that name none (raw SQL, the primary's reads and writes). */
    private final Engine primary;
    /** Opens the session's connection to an engine: for a read-only session, the primary's comes from a replica. */
    private final Function<Engine, Connection> opener;
    /** The names of the engines the session may use, in the fixed order commits go in. */
    private final Map<Engine, String> names;
    /** Notes commit positions when there are replicas to wait for them; else null. */
    private final ReadRouter positions;
    private CommitPosition committedAt;
    private final SessionOptions options;
    private final boolean readsOutsideTransactionAllowed;
    /** The open connections, copied on change so that {@link #cancel()} may read them from another thread. */
    private volatile List<Open> open = List.of();
    private State state = State.IDLE;
    /** Whether the user called begin(): reads then run inside the transaction too. */
    private boolean explicit;
    /** Why the transaction failed, while FAILED. */
    private RuntimeException failure;
    /** Open savepoints, innermost last. */
    private final ArrayList<SessionSavepoint> savepoints = new ArrayList<>(0);
    /** While FAILED inside a savepoint: the savepoint whose rollback recovers (the database transaction is intact). */
    private SessionSavepoint failedInside;

    /** Told when transactions begin and end. */
    private final SessionListeners listeners;
    private final io.athanor.orm.Session owner;
    /** Whether a database transaction is open and reported begun to the listeners. */
    private boolean begun;

    SessionTransaction(Engine primary, Function<Engine, Connection> opener, Map<Engine, String> names, ReadRouter positions,
                       SessionOptions options, boolean readsOutsideTransactionAllowed, SessionListeners listeners,
                       io.athanor.orm.Session owner) {
        this.listeners = listeners;
        this.owner = owner;
        this.primary = primary;
        this.opener = opener;
        this.names = names;
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
                    + firstLine(failure.getMessage()) + "). Call rollback() to start a new transaction: the "
                    + "instances it added leave the session (fix them and add them again to retry), and those it still holds "
                    + "are read again when next used.");
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

    /** The primary's connection for reads. */
    Connection forRead() {
        return forRead(primary);
    }

    /**
     * The connection to {@code engine} for reads: outside a transaction (autocommit) until the session writes,
     * where that is allowed; a connection opened while the session's transaction is ACTIVE joins it.
     */
    Connection forRead(Engine engine) {
        Connection c = open(engine);
        if (state == State.ACTIVE && !begun) {
            noteBegun();
        }
        return c;
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

    private Connection open(Engine engine) {
        checkUsable();
        Connection held = held(engine);
        if (held != null) {
            return held;
        }
        Connection c = opener.apply(engine);
        try {
            if (options.isReadOnly()) {
                c.readOnly(true);
            }
            if (options.isolationLevel() != null) {
                c.isolationLevel(options.isolationLevel());
            }
            if (state == State.IDLE) {
                state = readsOutsideTransaction() ? State.READING : State.ACTIVE;
            }
            if (state == State.READING) {
                c.autocommit(true);
            }
        } catch (RuntimeException e) {
            c.close();
            if (open.isEmpty()) {
                state = State.IDLE;
            }
            throw e;
        }
        if (open.isEmpty()) {
            open = List.of(new Open(engine, c));
        } else {
            List<Open> now = new ArrayList<>(open);
            now.add(new Open(engine, c));
            open = List.copyOf(now);
        }
        return c;
    }

    /** The primary's connection, in a transaction. */
    Connection forWrite() {
        return forWrite(primary);
    }

    /** The connection to {@code engine}, in a transaction: for writes, locks, cursors and raw SQL. */
    Connection forWrite(Engine engine) {
        Connection c = forRead(engine);
        if (state == State.READING) {
            for (Open o : open) {
                o.connection().autocommit(false);
            }
            state = State.ACTIVE;
            noteBegun();
        }
        return c;
    }

    private Connection held(Engine engine) {
        for (Open o : open) {
            if (o.engine() == engine) {
                return o.connection();
            }
        }
        return null;
    }

    /** How many connections the session holds now. */
    int openConnections() {
        return open.size();
    }

    /** begin(): reads from now on run inside the transaction. */
    void begin() {
        checkUsable();
        if (explicit) {
            throw new IllegalStateException("Cannot begin() while a transaction is already in progress in this session; "
                    + "commit() or rollback() it first, or use beginNested() for a savepoint.");
        }
        explicit = true;
        if (!open.isEmpty() && state == State.READING) {
            forWrite(open.get(0).engine());
        }
    }

    /**
     * Commits the open transaction, if any, on each connection in the engines' fixed order; on failure what did
     * not commit is rolled back and the session is FAILED. A failure after an earlier engine committed raises
     * {@link PartialCommitException}.
     */
    void commit() {
        savepoints.clear();
        boolean committed = false;
        if (!open.isEmpty() && state == State.ACTIVE) {
            List<Open> inOrder = inCommitOrder();
            List<String> done = new ArrayList<>();
            for (int i = 0; i < inOrder.size(); i++) {
                Open o = inOrder.get(i);
                try {
                    o.connection().commit();
                    done.add(name(o.engine()));
                } catch (RuntimeException e) {
                    if (done.isEmpty()) {
                        fail(e);
                        throw e;
                    }
                    List<String> notDone = new ArrayList<>();
                    for (int j = i; j < inOrder.size(); j++) {
                        notDone.add(name(inOrder.get(j).engine()));
                    }
                    PartialCommitException partial = new PartialCommitException(done, notDone, e);
                    fail(partial);
                    throw partial;
                }
            }
            committed = true;
        }
        noteEnded(true, null);
        ended();
        if (committed && positions != null && !options.isReadOnly()) {
            notePosition();
        }
    }

    /** The open connections in the engines' fixed order (those of unnamed engines last, in opening order). */
    private List<Open> inCommitOrder() {
        List<Open> sorted = new ArrayList<>(open);
        List<Engine> order = new ArrayList<>(names.keySet());
        sorted.sort(java.util.Comparator.comparingInt(o -> {
            int i = order.indexOf(o.engine());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return sorted;
    }

    private String name(Engine engine) {
        String n = names.get(engine);
        return n != null ? n : engine.config().name();
    }

    /** The primary's position after the last commit, or null. */
    CommitPosition committedAt() {
        return committedAt;
    }

    /** Reads the position the commit left the primary at, outside a transaction; a failure only costs the position. */
    private void notePosition() {
        Connection c = held(primary);
        if (c == null) {
            return;
        }
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
            if (manual && c == held(primary) && !c.isClosed() && !c.isBroken()) {
                try {
                    c.autocommit(false);
                } catch (RuntimeException e) {
                    discard(c);
                    if (open.isEmpty()) {
                        state = State.IDLE;
                    }
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
        if (innermost != null && !open.isEmpty() && allAlive()) {
            failure = cause;
            failedInside = innermost;
            state = State.FAILED;
            return;
        }
        fail(cause);
    }

    private boolean allAlive() {
        for (Open o : open) {
            if (o.connection().isBroken() || o.connection().isClosed()) {
                return false;
            }
        }
        return true;
    }

    /** A flush or commit failed: rolls back the transaction on every connection and refuses work until rollback(). */
    void fail(RuntimeException cause) {
        savepoints.clear();
        failedInside = null;
        for (Open o : open) {
            try {
                o.connection().rollback();
            } catch (RuntimeException suppressed) {
                cause.addSuppressed(suppressed);
                discard(o.connection());
            }
        }
        failure = cause;
        state = State.FAILED;
        noteEnded(false, cause);
    }

    /** Rolls the database transactions back, if any; a dead connection is let go instead, and never makes this throw. */
    void rollback() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("This session is closed; open a new one with sessions.open().");
        }
        for (Open o : open) {
            Connection c = o.connection();
            if (state == State.ACTIVE || state == State.FAILED) {
                try {
                    c.rollback();
                } catch (RuntimeException e) {
                    // A connection that died (server restarted, backend terminated, network cut) took its transaction
                    // with it: the server has rolled it back. Let the connection go; the next transaction takes a fresh one.
                    LOG.warn("Rollback failed ({}); releasing the session's connection, the next transaction takes a new one",
                            firstLine(e.getMessage()));
                    discard(c);
                    continue;
                }
            }
            if (c.isBroken() || c.isClosed()) {
                discard(c); // lost: the next transaction takes a fresh connection
            }
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
        if (open.isEmpty()) {
            state = State.IDLE;
        } else if (readsOutsideTransaction()) {
            if (state != State.READING) {
                for (Open o : open) {
                    try {
                        o.connection().autocommit(true);
                    } catch (RuntimeException e) {
                        LOG.warn("Could not return the connection to autocommit ({}); releasing it", firstLine(e.getMessage()));
                        discard(o.connection());
                    }
                }
            }
            state = open.isEmpty() ? State.IDLE : State.READING;
        } else {
            state = State.ACTIVE; // autocommit stays off: the next statement begins the next transaction
        }
    }

    /** Cancels the statements running now, from another thread. */
    void cancel() {
        for (Open o : open) {
            o.connection().cancel();
        }
    }

    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        for (Open o : open) {
            discard(o.connection());
        }
        noteEnded(false, null);
    }

    /** Closes {@code c} (the pool evicts a broken one) and forgets it, never throwing. */
    private void discard(Connection c) {
        if (open.size() == 1 && open.get(0).connection() == c) {
            open = List.of();
        } else {
            List<Open> now = new ArrayList<>(open);
            now.removeIf(o -> o.connection() == c);
            open = List.copyOf(now);
        }
        try {
            c.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing a broken connection failed", e);
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

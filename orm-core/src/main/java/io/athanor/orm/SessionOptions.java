package io.athanor.orm;

import io.athanor.orm.engine.IsolationLevel;

/**
 * How a session runs its transactions: read-only or not, and at which isolation level. The seed's
 * {@code SessionLocal(execution_options={"isolation_level": ...})}:
 *
 * <pre>{@code
 * try (Session s = sessions.open(SessionOptions.readOnly())) { ... }
 * try (Session s = sessions.open(SessionOptions.isolation(IsolationLevel.SERIALIZABLE))) { ... }
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class SessionOptions {
    private static final SessionOptions DEFAULTS = new SessionOptions(false, null, null, null, 0);

    private final boolean readOnly;
    private final IsolationLevel isolation;
    private final NPlusOne nPlusOne;
    private final CommitPosition after;
    private final int batchSize;

    private SessionOptions(boolean readOnly, IsolationLevel isolation, NPlusOne nPlusOne, CommitPosition after, int batchSize) {
        this.readOnly = readOnly;
        this.isolation = isolation;
        this.nPlusOne = nPlusOne;
        this.after = after;
        this.batchSize = batchSize;
    }

    /** Read-write, at the engine's isolation level. */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A read-only session: its transactions are read-only in the database too ({@code BEGIN READ ONLY}
     * on PostgreSQL), and {@code add}, {@code delete} or a change to a loaded entity is refused before any SQL
     * is sent. It loads a row with the same work as a read-write session, and its flush (explicit, at commit,
     * or autoflush) looks for what a read-write flush would write (a loaded instance's columns against its
     * snapshot, an orphan taken out of a loaded collection, a new instance a cascade would insert, a link of a
     * loaded many-to-many), raising for the first change instead of writing it.
     */
    public static SessionOptions readOnly() {
        return new SessionOptions(true, null, null, null, 0);
    }

    /** Sessions at this isolation level. */
    public static SessionOptions isolation(IsolationLevel level) {
        return new SessionOptions(false, level, null, null, 0);
    }

    /** The same options, read-only. */
    public SessionOptions asReadOnly() {
        return new SessionOptions(true, isolation, nPlusOne, after, batchSize);
    }

    /** The same options at this isolation level. */
    public SessionOptions withIsolation(IsolationLevel level) {
        return new SessionOptions(readOnly, level, nPlusOne, after, batchSize);
    }

    /** The same options with this N+1 detection, over the factory's {@code nPlusOne} setting. */
    public SessionOptions withNPlusOne(NPlusOne mode) {
        return new SessionOptions(readOnly, isolation, java.util.Objects.requireNonNull(mode, "mode"), after, batchSize);
    }

    /**
     * The same options, for a session that must see the commit at {@code position} (read your writes): a
     * read-only session reads from a replica only once it has replayed that far (waiting up to {@link
     * Binds.Builder#readYourWrites(java.time.Duration)}), and from the primary otherwise. Read-write sessions
     * use the primary anyway.
     */
    public SessionOptions after(CommitPosition position) {
        return new SessionOptions(readOnly, isolation, nPlusOne, java.util.Objects.requireNonNull(position, "position"), batchSize);
    }

    /**
     * The same options with at most {@code rows} rows per JDBC batch, over the factory's {@link
     * SessionFactoryBuilder#batchSize(int) batchSize}: the flush and the bulk operations send the rows of one
     * statement in batches of this many.
     *
     * @throws io.athanor.orm.error.ConfigurationException if {@code rows} is less than 1
     */
    public SessionOptions withBatchSize(int rows) {
        return new SessionOptions(readOnly, isolation, nPlusOne, after, checkBatchSize("SessionOptions.withBatchSize", rows));
    }

    /** {@code rows} when it is a valid batch size; a clear error naming {@code setting} otherwise. */
    static int checkBatchSize(String setting, int rows) {
        if (rows < 1) {
            throw new io.athanor.orm.error.ConfigurationException(setting + "(" + rows + ") must be at least 1: it is the most "
                    + "rows sent in one JDBC batch (500 is a common choice). Leave it unset to send each statement's rows "
                    + "in one batch.");
        }
        return rows;
    }

    /** The most rows per JDBC batch for these sessions, or 0 for the factory's setting. */
    public int batchSize() {
        return batchSize;
    }

    /** The commit these sessions must see, or {@code null}. */
    public CommitPosition after() {
        return after;
    }

    /** The N+1 detection for these sessions, or {@code null} for the factory's. */
    public NPlusOne nPlusOne() {
        return nPlusOne;
    }

    /** Whether sessions are read-only. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The isolation level, or {@code null} for the engine's. */
    public IsolationLevel isolationLevel() {
        return isolation;
    }

    @Override
    public String toString() {
        return "SessionOptions[readOnly=" + readOnly + ", isolation=" + isolation + ", nPlusOne=" + nPlusOne
                + (after == null ? "" : ", after=" + after) + (batchSize == 0 ? "" : ", batchSize=" + batchSize) + "]";
    }
}

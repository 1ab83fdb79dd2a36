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
    private static final SessionOptions DEFAULTS = new SessionOptions(false, null, null);

    private final boolean readOnly;
    private final IsolationLevel isolation;
    private final NPlusOne nPlusOne;

    private SessionOptions(boolean readOnly, IsolationLevel isolation, NPlusOne nPlusOne) {
        this.readOnly = readOnly;
        this.isolation = isolation;
        this.nPlusOne = nPlusOne;
    }

    /** Read-write, at the engine's isolation level. */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A read-only session: its transactions are read-only in the database too ({@code BEGIN READ ONLY}
     * on PostgreSQL), it keeps a small fingerprint instead of a full snapshot per loaded row, and
     * {@code add}, {@code delete} or a change to a loaded entity is refused before any SQL is sent.
     */
    public static SessionOptions readOnly() {
        return new SessionOptions(true, null, null);
    }

    /** Sessions at this isolation level. */
    public static SessionOptions isolation(IsolationLevel level) {
        return new SessionOptions(false, level, null);
    }

    /** The same options, read-only. */
    public SessionOptions asReadOnly() {
        return new SessionOptions(true, isolation, nPlusOne);
    }

    /** The same options at this isolation level. */
    public SessionOptions withIsolation(IsolationLevel level) {
        return new SessionOptions(readOnly, level, nPlusOne);
    }

    /** The same options with this N+1 detection, over the factory's {@code nPlusOne} setting. */
    public SessionOptions withNPlusOne(NPlusOne mode) {
        return new SessionOptions(readOnly, isolation, java.util.Objects.requireNonNull(mode, "mode"));
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
        return "SessionOptions[readOnly=" + readOnly + ", isolation=" + isolation + ", nPlusOne=" + nPlusOne + "]";
    }
}

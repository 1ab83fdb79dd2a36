package io.athanor.orm;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.schema.SchemaManager;

/**
 * The compiled mapping of a set of entities over one {@link Engine}: SQLAlchemy's {@code sessionmaker}
 * together with its {@code MetaData}. Build one per engine at start-up and share it:
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.builder(engine)
 *         .entities(User.class, Order.class, Article.class)
 *         .build();
 * sessions.schema().createAll();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public interface SessionFactory {

    /** Starts configuring a session factory over {@code engine}. */
    static SessionFactoryBuilder builder(Engine engine) {
        return new SessionFactoryBuilder(engine);
    }

    /**
     * Starts configuring a session factory over a primary and its read replicas: read-only sessions read from
     * the replicas; see {@link Binds}.
     */
    static SessionFactoryBuilder builder(Binds binds) {
        return new SessionFactoryBuilder(binds);
    }

    /**
     * Starts configuring a session factory over horizontal shards: every entity is sharded; see {@link Shards}.
     *
     * @throws io.athanor.orm.error.ConfigurationException if {@code shards} is null
     */
    static SessionFactoryBuilder builder(Shards shards) {
        return new SessionFactoryBuilder(shards);
    }

    /** The primary engine: read-write sessions, DDL and sequences use it. */
    Engine engine();

    /** Where sessions take their connections: the primary and any replicas. */
    Binds binds();

    /**
     * Where the primary's log stood after the latest commit that wrote, of any of this factory's sessions,
     * when there are PostgreSQL replicas (empty otherwise, or before any such commit).
     */
    java.util.Optional<CommitPosition> lastCommitPosition();

    /** The dialect, detected from the engine's database once at build time. */
    Dialect dialect();

    /** Creates and drops the mapped tables. */
    SchemaManager schema();

    /**
     * Fills a materialized view with its query's current result: {@code REFRESH MATERIALIZED VIEW} on
     * PostgreSQL ({@code CONCURRENTLY}, not blocking readers, when it has a unique index), or the table
     * emptied and filled again in one transaction elsewhere.
     *
     * @throws io.athanor.orm.error.AthanorException if {@code view} is not a {@code @MaterializedView}
     */
    void refresh(Class<?> view);

    /**
     * Registers {@code listener} to be told what this factory's sessions do (opened, closed, flushed,
     * transactions begun and ended); see {@link SessionListener}. Thread-safe; may be called at any time.
     *
     * @return the registration; {@code remove()} unregisters the listener
     * @throws IllegalArgumentException if {@code listener} is null
     */
    io.athanor.orm.engine.Registration listen(SessionListener listener);

    /** Sessions whose work runs on other threads and returns futures; one per factory, created on first use. */
    AsyncSessionFactory async();

    /**
     * Sessions whose work runs on {@code executor}, the application's own (a Spring {@code TaskExecutor}, an
     * executor wrapped by Micrometer's context propagation so that tracing follows the work, ...). Each task
     * runs with the SLF4J MDC of the thread that called, and the worker's own MDC is put back afterwards. At
     * most as many sessions run at once as the engine's pool has connections (per factory returned: keep
     * it and reuse it). The executor stays the application's: closing the engine does not shut it down, but
     * work called after the engine closed fails with an {@link IllegalStateException}. If the executor refuses
     * a task, its future fails with the executor's {@link java.util.concurrent.RejectedExecutionException}.
     *
     * @throws IllegalArgumentException if {@code executor} is null
     */
    AsyncSessionFactory async(java.util.concurrent.Executor executor);

    /** Opens a session; it takes a connection from the engine on its first statement. */
    Session open();

    /** Opens a session with {@code options} (read-only, isolation level). */
    Session open(SessionOptions options);

    /**
     * Opens a session inside a transaction that someone else owns (a transaction manager such as Spring's):
     * it runs its statements on {@code connection}, normally one from
     * {@link io.athanor.orm.engine.Engine#borrow(java.sql.Connection)}, never reads outside the transaction,
     * and leaves committing and rolling back to the owner, who drives it through the returned handle.
     *
     * @param options read-only and N+1 settings; the isolation level is the owner's
     * @throws IllegalArgumentException if {@code connection} or {@code options} is null, or the options ask for
     *         an isolation level or a commit position to wait for (the owner's transaction has its own)
     */
    JoinedSession join(io.athanor.orm.engine.Connection connection, SessionOptions options);

    /**
     * The seed's {@code get_db_session()} context manager: runs {@code work} in a new session, commits
     * when it returns, rolls back and rethrows when it throws, and always closes the session.
     *
     * @throws io.athanor.orm.error.CommitOutcomeUnknownException if the connection was lost during the
     *         commit: whether the work was committed is unknown; check the data before running it again
     */
    <T> T inTransaction(java.util.function.Function<Session, T> work);

    /** {@link #inTransaction(java.util.function.Function)} for work that returns nothing. */
    void runInTransaction(java.util.function.Consumer<Session> work);

    /**
     * {@link #inTransaction(java.util.function.Function)}, run again in a new session (up to
     * {@code retry.attempts()} runs in all) when the database aborts the transaction for a conflict
     * with another one, after a wait drawn from the retry's backoff (the calling thread sleeps, unless
     * {@link Retry#sleeper(Retry.Sleeper)} says otherwise). The block must be safe to run more than once.
     *
     * <p>A commit cut off by a lost connection is never run again: whether it happened is unknown, and a
     * second run could write the work twice.
     *
     * @throws io.athanor.orm.error.TransactionConflictException if the last run still conflicts, or the
     *         thread was interrupted while waiting to run again (its interrupt status is set again)
     * @throws io.athanor.orm.error.CommitOutcomeUnknownException at once, without another run, if the connection
     *         was lost during the commit
     */
    <T> T inTransaction(Retry retry, java.util.function.Function<Session, T> work);

    /** {@link #inTransaction(Retry, java.util.function.Function)} with options for each session. */
    <T> T inTransaction(SessionOptions options, Retry retry, java.util.function.Function<Session, T> work);

    /** The figures of the compiled-statement cache. */
    io.athanor.orm.query.QueryCacheStats queryCacheStats();
}

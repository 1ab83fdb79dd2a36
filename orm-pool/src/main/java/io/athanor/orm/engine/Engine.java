package io.athanor.orm.engine;

import io.athanor.orm.engine.internal.DefaultEngine;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The starting point: a pool of connections to one database, and the events of everything run
 * through it. SQLAlchemy's {@code create_engine(...)}:
 *
 * <pre>{@code
 * Engine engine = Engine.builder("postgresql://user:password@localhost/dbname")
 *         .poolSize(20).maxOverflow(30)      // 20 kept open, bursts up to 50
 *         .prePing(true).echo(false)
 *         .build();
 * try (Connection c = engine.connect()) {
 *     long n = c.execute(Text.text("select count(*) from users")).scalar(Long.class);
 * }
 * }</pre>
 *
 * <p>Build one engine per database and keep it for the life of the application; close it at
 * shutdown. Thread-safe: any number of threads may call {@link #connect()} at once.
 *
 * <p>The built-in pool is HikariCP; {@link #of(DataSource)} wraps any other pool or DataSource.
 */
public interface Engine extends AutoCloseable {

    /**
     * Starts configuring an engine for {@code url}: a JDBC URL or one of the forms
     * {@link DatabaseUrl} accepts ({@code postgresql://user:password@host/db}, {@code h2:mem:name}, ...).
     */
    static EngineBuilder builder(String url) {
        return new EngineBuilder(url);
    }

    /**
     * Starts configuring an engine over a DataSource the application already has (its own pool, a
     * container-managed one). Pool settings do not apply; echo, events and the rest do.
     */
    static EngineBuilder builder(DataSource dataSource) {
        return new EngineBuilder(dataSource);
    }

    /** An engine over {@code dataSource} with default settings. */
    static Engine of(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * Checks a connection out of the pool, waiting up to {@code poolTimeout} for one; with
     * {@code prePing} it is checked alive first and replaced if it is not.
     *
     * @throws io.athanor.orm.error.PoolTimeoutException      if none became free in time
     * @throws io.athanor.orm.error.ConnectionFailedException if the database cannot be reached or refuses the login
     * @throws IllegalStateException                          if the engine is closed
     */
    Connection connect();

    /**
     * Runs statements, with this engine's events, echo and error translation, on a JDBC connection that
     * someone else owns together with its transaction: a transaction manager such as Spring's, or an
     * application server. The returned connection leaves that transaction to its owner: {@code commit()},
     * {@code rollback()} and a change of {@code autocommit} refuse with an {@link IllegalStateException};
     * savepoints work (they stay inside the owner's transaction); {@code readOnly(...)} and
     * {@code isolationLevel(...)} change nothing when the owner already set the same value; {@code close()}
     * lets go of it without rolling back, closing or returning the JDBC connection, which stays the
     * owner's to end and release.
     *
     * <p>Like every {@link Connection}, the result is for one thread at a time.
     *
     * @throws IllegalArgumentException if {@code jdbc} is null
     * @throws IllegalStateException    if the engine is closed
     */
    Connection borrow(java.sql.Connection jdbc);

    /**
     * Runs {@code work} on a fresh connection in a transaction: commits when it returns, rolls back
     * and rethrows when it throws, and always returns the connection to the pool.
     *
     * @throws io.athanor.orm.error.CommitOutcomeUnknownException if the connection was lost during the
     *         commit: whether {@code work} was committed is unknown, and it is not run again
     */
    <T> T inTransaction(Function<Connection, T> work);

    /** {@link #inTransaction(Function)} for work that returns nothing. */
    void runInTransaction(Consumer<Connection> work);

    /** The engine's event listeners. */
    EngineEvents events();

    /** The pool's figures now. */
    PoolStatus pool();

    /** The engine's settings. */
    EngineConfig config();

    /** The database product and version, read from the driver once (this may check out a connection). */
    DatabaseInfo database();

    /**
     * Closes every pooled connection (connections still checked out close when returned), then calls the
     * {@link EngineEvents#onClose onClose} listeners. Closing twice does nothing.
     */
    @Override
    void close();

    /** Creates the engine; used by {@link EngineBuilder#build()}. */
    static Engine create(EngineConfig config) {
        return new DefaultEngine(config);
    }
}

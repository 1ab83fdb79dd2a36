package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.CheckoutEvent;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.DatabaseInfo;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.EngineConfig;
import io.athanor.orm.engine.EngineEvents;
import io.athanor.orm.engine.PoolStatus;
import io.athanor.orm.error.AthanorException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine: a connection source, events, error translation. */
public final class DefaultEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);

    private final EngineConfig config;
    private final ParameterFormat format;
    private final EventHub events;
    private final SqlErrors errors;
    private final ConnectionSource source;
    private final int validationSeconds;
    /**
     * Callers inside {@link #connect()} waiting for the pool. Counted here rather than read from the pool,
     * whose own figure no longer includes a caller once its wait has ended, as it has when a timeout reports.
     */
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile DatabaseInfo database;
    /** Whether the database is PostgreSQL, known from the URL or else from the first connection. */
    private volatile Boolean postgres;
    private volatile boolean closed;

    /**
     * Starts an engine from frozen settings.
     *
     * @throws io.athanor.orm.error.ConnectionFailedException if the built-in pool cannot open its first connection
     */
    public DefaultEngine(EngineConfig config) {
        this.config = config;
        this.format = new ParameterFormat(config.hideParameters());
        this.events = new EventHub(format);
        this.errors = new SqlErrors(config, format);
        this.validationSeconds = (int) Math.max(1, config.validationTimeout().toSeconds());
        if (config.echo()) {
            events.beforeExecute(new SqlEcho(format));
        }
        this.source = config.dataSource() != null ? new DataSourceSource(config.dataSource()) : startPool(config);
        LOG.debug("Engine started: {}", config);
    }

    private ConnectionSource startPool(EngineConfig config) {
        try {
            return new HikariSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                throw errors.connectFailure((SQLException) cause);
            }
            throw new AthanorException("Could not start the connection pool for " + config.describeTarget() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Connection connect() {
        if (closed) {
            throw new IllegalStateException("Engine '" + config.name() + "' is closed; build a new engine to connect again.");
        }
        EventHub.Listeners listeners = events.listeners();
        long start = listeners.checkout || listeners.checkin ? System.nanoTime() : 0L;
        java.sql.Connection jdbc = acquire();
        if (listeners.checkout) {
            listeners.fireCheckout(new CheckoutEvent(Duration.ofNanos(System.nanoTime() - start), pool()));
        }
        return new DefaultConnection(this, jdbc, listeners.checkin ? System.nanoTime() : 0L);
    }

    @Override
    public Connection borrow(java.sql.Connection jdbc) {
        if (jdbc == null) {
            throw new IllegalArgumentException("borrow(null): give the JDBC connection whose transaction its owner manages.");
        }
        if (closed) {
            throw new IllegalStateException("Engine '" + config.name() + "' is closed; build a new engine to run statements again.");
        }
        return new DefaultConnection(this, jdbc);
    }

    /**
     * Whether transactions take their isolation level inside themselves ({@code SET TRANSACTION}) rather than
     * from the server session: on PostgreSQL, where a transaction pooler may hand the session to others.
     */
    boolean perTransactionSettings(java.sql.Connection jdbc) {
        Boolean known = postgres;
        if (known == null) {
            if (config.jdbcUrl() != null) {
                known = config.isPostgresUrl();
            } else {
                try {
                    known = "PostgreSQL".equalsIgnoreCase(jdbc.getMetaData().getDatabaseProductName());
                } catch (SQLException e) {
                    known = Boolean.FALSE;
                }
            }
            postgres = known;
        }
        return known;
    }

    private java.sql.Connection acquire() {
        int attempts = config.maxConnections() + 1;
        for (int attempt = 1; ; attempt++) {
            java.sql.Connection jdbc;
            waiting.incrementAndGet();
            try {
                jdbc = source.acquire();
            } catch (SQLException e) {
                // Read while this caller still counts as waiting, as it did until the pool gave up.
                throw errors.checkout(e, pool());
            } finally {
                waiting.decrementAndGet();
            }
            if (!config.prePing() || alive(jdbc)) {
                return jdbc;
            }
            LOG.debug("Pre-ping found a dead connection in pool '{}'; replacing it", config.name());
            source.discard(jdbc);
            if (attempt >= attempts) {
                throw new AthanorException("Pre-ping found " + attempts + " dead connections in a row in pool '" + config.name()
                        + "'; the database at " + config.describeTarget() + " seems to be down.");
            }
        }
    }

    /** Whether the driver says {@code jdbc} still works; one round trip unless it knows itself closed. */
    boolean alive(java.sql.Connection jdbc) {
        try {
            return !jdbc.isClosed() && jdbc.isValid(validationSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Returns a connection from {@link DefaultConnection#close()}. */
    void release(java.sql.Connection jdbc, boolean broken) {
        if (broken) {
            source.discard(jdbc);
            return;
        }
        try {
            source.release(jdbc);
        } catch (SQLException e) {
            LOG.debug("Returning a connection to pool '{}' failed; discarding it", config.name(), e);
            source.discard(jdbc);
        }
    }

    /**
     * Hands a healthy connection whose transaction is open to the pool to be rolled back there, if the pool does
     * that (see {@link io.athanor.orm.engine.EngineBuilder#resetInBackground(boolean)}); false if the caller must
     * roll back itself.
     */
    boolean releaseRollingBack(java.sql.Connection jdbc) {
        return source.releaseRollingBack(jdbc);
    }

    EventHub eventHub() {
        return events;
    }

    SqlErrors errors() {
        return errors;
    }

    @Override
    public <T> T inTransaction(Function<Connection, T> work) {
        try (Connection c = connect()) {
            T result;
            try {
                result = work.apply(c);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            c.commit();
            return result;
        }
    }

    @Override
    public void runInTransaction(Consumer<Connection> work) {
        inTransaction(c -> {
            work.accept(c);
            return null;
        });
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public EngineEvents events() {
        return events;
    }

    @Override
    public PoolStatus pool() {
        PoolStatus status = source.status();
        if (!status.known()) {
            return status;
        }
        return new PoolStatus(status.active(), status.idle(), waiting.get(), status.total(), status.max());
    }

    @Override
    public EngineConfig config() {
        return config;
    }

    @Override
    public DatabaseInfo database() {
        DatabaseInfo info = database;
        if (info == null) {
            try (Connection c = connect()) {
                DatabaseMetaData md = c.jdbc().getMetaData();
                info = new DatabaseInfo(md.getDatabaseProductName(), md.getDatabaseProductVersion(),
                        md.getDatabaseMajorVersion(), md.getDatabaseMinorVersion(), md.getDriverName(), md.getDriverVersion());
            } catch (SQLException e) {
                throw errors.connectFailure(e);
            }
            database = info;
        }
        return info;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                source.close();
            } finally {
                events.fireClose();
            }
            LOG.debug("Engine '{}' closed", config.name());
        }
    }

    @Override
    public String toString() {
        return "Engine[" + config.name() + ", " + config.describeTarget() + "]";
    }
}

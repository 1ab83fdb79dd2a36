package io.athanor.orm.engine.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.athanor.orm.engine.EngineConfig;
import io.athanor.orm.engine.PoolStatus;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The built-in pool. SQLAlchemy's pool_size/max_overflow map onto HikariCP as minimumIdle/maximumPoolSize:
 * HikariCP keeps {@code poolSize} connections, opens up to {@code poolSize + maxOverflow} under load, and
 * its housekeeper closes connections above {@code minimumIdle} once idle past {@code idleTimeout}. A connection
 * returned with its transaction open is rolled back by {@link BackgroundReset} unless that is turned off.
 */
final class HikariSource implements ConnectionSource {
    private final HikariDataSource dataSource;
    private final int max;
    /** Rolls back returned connections on pool threads, or null when {@code resetInBackground} is off. */
    private final BackgroundReset reset;
    private final java.time.Duration closeWait;

    HikariSource(EngineConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(config.name());
        hc.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) {
            hc.setUsername(config.user());
        }
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
        config.connectionProperties().forEach(hc::addDataSourceProperty);
        hc.setMinimumIdle(config.poolSize());
        hc.setMaximumPoolSize(config.maxConnections());
        if (config.maxOverflow() > 0) {
            hc.setIdleTimeout(config.overflowIdleTimeout().toMillis());
        }
        hc.setConnectionTimeout(config.poolTimeout().toMillis());
        hc.setMaxLifetime(config.poolRecycle().toMillis());
        hc.setValidationTimeout(config.validationTimeout().toMillis());
        hc.setLeakDetectionThreshold(config.leakDetectionThreshold().toMillis());
        hc.setAutoCommit(false);
        if (config.meterRegistry() != null) {
            // HikariCP publishes its own pool figures to Micrometer; nothing is measured twice.
            hc.setMetricRegistry(config.meterRegistry());
        }
        // PostgreSQL's level is set inside each transaction (DefaultConnection), never on the server session,
        // which a transaction pooler would hand to other clients.
        if (config.isolationLevel() != null && !config.isPostgresUrl()) {
            hc.setTransactionIsolation("TRANSACTION_" + config.isolationLevel().name());
        }
        // Fail at build() on a wrong URL or login, not on first use.
        hc.setInitializationFailTimeout(1);
        this.max = config.maxConnections();
        this.dataSource = new HikariDataSource(hc);
        this.closeWait = config.validationTimeout();
        this.reset = config.resetInBackground()
                ? new BackgroundReset(config.name(), config.maxConnections(), HikariSource::closeUnchecked, this::discard)
                : null;
    }

    private static void closeUnchecked(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean releaseRollingBack(Connection connection) {
        if (reset == null) {
            return false;
        }
        // Still checked out of HikariCP until the task gives it back: counted in the maximum, handed to nobody.
        reset.submit(connection);
        return true;
    }

    @Override
    public Connection acquire() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void release(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public void discard(Connection connection) {
        dataSource.evictConnection(connection);
    }

    @Override
    public PoolStatus status() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool == null) {
            return new PoolStatus(0, 0, 0, 0, max);
        }
        // Waiting callers are counted by the engine (DefaultEngine.pool()).
        return new PoolStatus(pool.getActiveConnections(), pool.getIdleConnections(), 0, pool.getTotalConnections(), max);
    }

    @Override
    public void close() {
        try {
            if (reset != null) {
                reset.shutdown(closeWait);
            }
        } finally {
            dataSource.close();
        }
    }
}

package io.athanor.orm.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An engine's settings, frozen by {@link EngineBuilder#build()}. Immutable and thread-safe;
 * {@link #toString()} never shows the password.
 *
 * @param jdbcUrl              the JDBC URL (no password in it), or {@code null} for a supplied DataSource
 * @param user                 the user, or {@code null} to use the driver's default
 * @param password             the password, or {@code null}
 * @param dataSource           the supplied DataSource, or {@code null} for the built-in pool
 * @param name                 the pool's name, used in thread names and messages
 * @param poolSize             connections kept open
 * @param maxOverflow          extra connections opened under load and closed once idle
 * @param poolTimeout          how long {@code connect()} waits for a free connection
 * @param poolRecycle          the longest a connection lives before it is replaced ({@code ZERO}: forever)
 * @param overflowIdleTimeout  how long an overflow connection may sit idle before it is closed
 * @param validationTimeout    how long a pre-ping may take
 * @param leakDetectionThreshold log a warning with the stack of a connection held longer than this ({@code ZERO}: off)
 * @param prePing              check each connection alive when it is checked out
 * @param echo                 log every statement with its parameters at INFO on {@code io.athanor.orm.sql}
 * @param hideParameters       keep parameter values out of logs and exception messages
 * @param isolationLevel       the default isolation level, or {@code null} for the database's
 * @param connectionProperties driver properties
 * @param transactionPooling   the database is reached through a pooler in transaction mode (PgBouncer and kin)
 * @param meterRegistry        the Micrometer {@code MeterRegistry} the built-in pool publishes its figures to, or
 *                             {@code null}; typed {@code Object} so that Micrometer stays optional
 * @param resetInBackground    the built-in pool rolls back a connection returned with its transaction open on a
 *                             pool thread, so that {@code close()} does not wait for the {@code ROLLBACK}; see
 *                             {@link EngineBuilder#resetInBackground(boolean)}
 */
public record EngineConfig(String jdbcUrl, String user, String password, DataSource dataSource, String name,
                           int poolSize, int maxOverflow, Duration poolTimeout, Duration poolRecycle,
                           Duration overflowIdleTimeout, Duration validationTimeout, Duration leakDetectionThreshold,
                           boolean prePing, boolean echo, boolean hideParameters, IsolationLevel isolationLevel,
                           Map<String, String> connectionProperties, boolean transactionPooling, Object meterRegistry,
                           boolean resetInBackground) {

    /** The most connections the pool will open: {@code poolSize + maxOverflow}. */
    public int maxConnections() {
        return poolSize + maxOverflow;
    }

    /** The default isolation level, if one was set. */
    public Optional<IsolationLevel> defaultIsolation() {
        return Optional.ofNullable(isolationLevel);
    }

    /** Whether {@code jdbcUrl} is a PostgreSQL URL (false for a supplied DataSource, whose kind is known once connected). */
    public boolean isPostgresUrl() {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, "jdbc:postgresql:", 0, 16);
    }

    /** Where the engine connects, for messages: the URL and user, never the password. */
    public String describeTarget() {
        if (dataSource != null) {
            return "DataSource " + dataSource.getClass().getName();
        }
        return jdbcUrl + (user == null ? "" : " as user '" + user + "'");
    }

    @Override
    public String toString() {
        return "EngineConfig[" + describeTarget() + ", name=" + name + ", poolSize=" + poolSize + ", maxOverflow="
                + maxOverflow + ", poolTimeout=" + poolTimeout + ", poolRecycle=" + poolRecycle + ", prePing=" + prePing
                + ", echo=" + echo + ", hideParameters=" + hideParameters + ", isolationLevel=" + isolationLevel
                + (transactionPooling ? ", transactionPooling=true" : "")
                + (meterRegistry != null ? ", meterRegistry=" + meterRegistry.getClass().getSimpleName() : "")
                + (resetInBackground ? ", resetInBackground=true" : "")
                + ", password=" + (password == null ? "none" : "***") + ", connectionProperties="
                + connectionProperties.keySet() + "]";
    }
}

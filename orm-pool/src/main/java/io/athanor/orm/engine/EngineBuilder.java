package io.athanor.orm.engine;

import io.athanor.orm.error.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Collects an engine's settings; {@link #build()} checks them all and creates the engine. Defaults
 * follow SQLAlchemy where it has the setting: {@code poolSize 5}, {@code maxOverflow 10},
 * {@code poolTimeout 30 s}, pre-ping and echo off. {@code poolRecycle} defaults to 30 minutes,
 * shorter than most servers' and firewalls' idle cut-offs.
 *
 * <p>Not thread-safe; build on one thread, then share the engine.
 */
public final class EngineBuilder {
    private static final AtomicInteger ENGINE_NUMBER = new AtomicInteger();

    private final String url;
    private final DataSource dataSource;
    private final List<String> poolSettingsSet = new ArrayList<>();
    private String user;
    private String password;
    private String name;
    private int poolSize = 5;
    private int maxOverflow = 10;
    private Duration poolTimeout = Duration.ofSeconds(30);
    private Duration poolRecycle = Duration.ofMinutes(30);
    private Duration overflowIdleTimeout = Duration.ofSeconds(30);
    private Duration validationTimeout = Duration.ofSeconds(5);
    private Duration leakDetectionThreshold = Duration.ZERO;
    private boolean prePing;
    private boolean echo;
    private boolean hideParameters;
    private IsolationLevel isolationLevel;
    private boolean transactionPooling;
    private Object meterRegistry;
    private boolean resetInBackground;
    private final Map<String, String> properties = new LinkedHashMap<>();

    EngineBuilder(String url) {
        this.url = url;
        this.dataSource = null;
    }

    EngineBuilder(DataSource dataSource) {
        if (dataSource == null) {
            throw new ConfigurationException("Engine.builder(DataSource) was given null; pass the application's DataSource.");
        }
        this.url = null;
        this.dataSource = dataSource;
    }

    /** The database user (overrides one given in the URL). */
    public EngineBuilder user(String user) {
        this.user = user;
        return this;
    }

    /** The password (overrides one given in the URL). It never appears in logs, messages or {@code toString()}. */
    public EngineBuilder password(String password) {
        this.password = password;
        return this;
    }

    /** A name for the pool, shown in its thread names and in messages (default {@code athanor-N}). */
    public EngineBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** Connections kept open, 1 or more (default 5). */
    public EngineBuilder poolSize(int poolSize) {
        poolSettingsSet.add("poolSize");
        this.poolSize = poolSize;
        return this;
    }

    /**
     * Extra connections the pool may open beyond {@code poolSize} under load, 0 or more (default 10);
     * each is closed after it has been idle for {@link #overflowIdleTimeout(Duration)}.
     */
    public EngineBuilder maxOverflow(int maxOverflow) {
        poolSettingsSet.add("maxOverflow");
        this.maxOverflow = maxOverflow;
        return this;
    }

    /** How long {@code connect()} waits for a free connection before failing, at least 250 ms (default 30 s). */
    public EngineBuilder poolTimeout(Duration poolTimeout) {
        poolSettingsSet.add("poolTimeout");
        this.poolTimeout = poolTimeout;
        return this;
    }

    /**
     * The longest a connection is kept before it is closed and replaced, at least 30 s, or
     * {@link Duration#ZERO} for no limit (default 30 min).
     */
    public EngineBuilder poolRecycle(Duration poolRecycle) {
        poolSettingsSet.add("poolRecycle");
        this.poolRecycle = poolRecycle;
        return this;
    }

    /**
     * How long an overflow connection may sit idle before it is closed, at least 10 s (default 30 s).
     * The pool checks for such connections every 30 seconds.
     */
    public EngineBuilder overflowIdleTimeout(Duration timeout) {
        poolSettingsSet.add("overflowIdleTimeout");
        this.overflowIdleTimeout = timeout;
        return this;
    }

    /** How long a pre-ping may take, at least 1 s (default 5 s). */
    public EngineBuilder validationTimeout(Duration timeout) {
        this.validationTimeout = timeout;
        return this;
    }

    /**
     * Logs a warning, with the stack trace of where it was checked out, for any connection held
     * longer than this (at least 2 s; {@link Duration#ZERO}, the default, turns it off).
     */
    public EngineBuilder leakDetectionThreshold(Duration threshold) {
        poolSettingsSet.add("leakDetectionThreshold");
        this.leakDetectionThreshold = threshold;
        return this;
    }

    /**
     * Checks each connection alive as it is checked out and silently replaces a dead one (after a
     * database restart or a network cut), at the cost of one round trip per checkout (default off).
     */
    public EngineBuilder prePing(boolean prePing) {
        this.prePing = prePing;
        return this;
    }

    /** Logs every statement and its parameters at INFO on the logger {@code io.athanor.orm.sql} (default off). */
    public EngineBuilder echo(boolean echo) {
        this.echo = echo;
        return this;
    }

    /**
     * Keeps parameter values out of logs and exception messages, for data that must not reach logs
     * (default off: values shown). The drivers are told to leave values out of their messages where they
     * have a setting for it (PostgreSQL's {@code logServerErrorDetail=false}); values a database still
     * quotes in an error are taken out of the message, and the exception's cause is a copy of the
     * driver's exception with the same SQLState and vendor code and the values taken out.
     */
    public EngineBuilder hideParameters(boolean hide) {
        this.hideParameters = hide;
        return this;
    }

    /** The isolation level every connection starts with (default: the database's own). */
    public EngineBuilder isolationLevel(IsolationLevel level) {
        this.isolationLevel = level;
        return this;
    }

    /**
     * Says the database is reached through a connection pooler in transaction mode (PgBouncer's
     * {@code pool_mode = transaction}, and poolers that work the same way), which hands each transaction
     * whichever server connection is free (default off). PostgreSQL only. The engine then keeps to what such
     * a pooler allows:
     * <ul>
     *   <li>no server-side prepared statements: the driver setting {@code prepareThreshold=0} is added (a
     *       statement prepared on one server connection does not exist on the next one, and another client's
     *       statement of the same name may);</li>
     *   <li>isolation and read-only are set inside each transaction, never on the server session (the engine
     *       does this on PostgreSQL whether or not this is on).</li>
     * </ul>
     * With a DataSource you supply, set {@code prepareThreshold=0} on it yourself.
     *
     * <p>Without this setting, the errors such a pooler causes ({@code prepared statement "S_4" already exists},
     * {@code ... does not exist}, {@code bind message supplies 1 parameters, but prepared statement "S_32"
     * requires 0}) are reported with advice to turn it on.
     */
    public EngineBuilder transactionPooling(boolean on) {
        this.transactionPooling = on;
        return this;
    }

    /**
     * Hands a Micrometer {@code MeterRegistry} to the built-in pool, which then publishes its own figures there
     * ({@code hikaricp.connections}, {@code .active}, {@code .idle}, {@code .pending}, {@code .acquire},
     * {@code .usage}, {@code .creation}, {@code .timeout}), tagged with the engine's {@link #name(String) name}
     * as {@code pool}. Typed {@code Object} so that the engine does not need Micrometer on the class path
     * unless this is used; the statement and session figures come from {@code orm-micrometer}'s
     * {@code AthanorMetrics}.
     *
     * @param registry an {@code io.micrometer.core.instrument.MeterRegistry}
     * @throws ConfigurationException if {@code registry} is null or not a Micrometer {@code MeterRegistry}
     */
    public EngineBuilder meterRegistry(Object registry) {
        if (registry == null || !isMeterRegistry(registry.getClass())) {
            throw new ConfigurationException("meterRegistry needs an io.micrometer.core.instrument.MeterRegistry (for "
                    + "example a PrometheusMeterRegistry or Spring's MeterRegistry bean); it was "
                    + (registry == null ? "null" : "a " + registry.getClass().getName()) + ".");
        }
        poolSettingsSet.add("meterRegistry");
        this.meterRegistry = registry;
        return this;
    }

    /**
     * Whether the built-in pool rolls back a connection that comes back with its transaction still open
     * (closed without {@code commit()} or {@code rollback()}, as a read usually is) on a pool thread rather than
     * in {@code close()} (default off). {@code close()} then returns without waiting for the {@code ROLLBACK}
     * round trip. The connection counts as in use until the rollback has succeeded and only then can be
     * checked out again, so the pool never hands out a connection still in a transaction, never opens more than
     * {@code poolSize + maxOverflow} connections, and a caller waiting for a connection gets it once it is
     * reset; a connection whose rollback fails is closed and replaced. Closing the engine waits up to
     * {@code validationTimeout} for the rollbacks under way, then closes their connections, which ends their
     * transactions on the server.
     *
     * <p>What can be observed: the locks of a transaction closed without commit are released a moment after
     * {@code close()} returns, so a transaction on another connection that needs them may wait that moment
     * (and a {@code NOWAIT} lock may fail); nothing uncommitted ever becomes visible. A transaction in which a
     * statement failed, an explicit {@code rollback()}, and a committed transaction are not affected: the first
     * two roll back before {@code close()} or {@code rollback()} returns, the last has nothing to roll back.
     * Off by default: on a busy two-core machine the hand-off to the pool thread cost more than the round trip
     * it saves (see the engine guide). Has no effect on a supplied
     * DataSource, whose connections are always rolled back in {@code close()}.
     */
    public EngineBuilder resetInBackground(boolean resetInBackground) {
        poolSettingsSet.add("resetInBackground");
        this.resetInBackground = resetInBackground;
        return this;
    }

    /** Looks the type up by name, so that Micrometer is needed only by those who use it. */
    private static boolean isMeterRegistry(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("io.micrometer.core.instrument.MeterRegistry")) {
                return true;
            }
        }
        return false;
    }

    /** A driver property, e.g. {@code ("sslmode", "require")} for PostgreSQL. */
    public EngineBuilder connectionProperty(String key, String value) {
        if (key == null || key.isBlank() || value == null) {
            throw new ConfigurationException("connectionProperty needs a non-empty key and a non-null value; got key '"
                    + key + "'.");
        }
        properties.put(key, value);
        return this;
    }

    /**
     * Checks every setting and starts the engine. With the built-in pool this opens the first
     * connection at once, so a wrong URL or login fails here rather than on first use.
     *
     * @throws ConfigurationException                       if a setting is out of range; the message names it
     * @throws io.athanor.orm.error.ConnectionFailedException if the database cannot be reached or refuses the login
     */
    public Engine build() {
        return Engine.create(freeze());
    }

    /** Checks the settings and returns them frozen, without starting anything. */
    public EngineConfig freeze() {
        String jdbcUrl = null;
        String effectiveUser = user;
        String effectivePassword = password;
        if (dataSource == null) {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            jdbcUrl = parsed.jdbcUrl();
            if (effectiveUser == null) {
                effectiveUser = parsed.user().orElse(null);
            }
            if (effectivePassword == null) {
                effectivePassword = parsed.password().orElse(null);
            }
        } else if (!poolSettingsSet.isEmpty()) {
            throw new ConfigurationException(String.join(", ", poolSettingsSet) + " configure Athanor's built-in pool and "
                    + "have no effect on a DataSource you supply. Configure that DataSource's own pool instead, or build the "
                    + "engine from a URL.");
        }
        if (poolSize < 1) {
            throw new ConfigurationException("poolSize must be 1 or more; it was " + poolSize + ".");
        }
        if (maxOverflow < 0) {
            throw new ConfigurationException("maxOverflow must be 0 or more; it was " + maxOverflow
                    + ". Use 0 for a pool that never grows beyond poolSize.");
        }
        if (poolSize + (long) maxOverflow > 10_000) {
            throw new ConfigurationException("poolSize + maxOverflow must be at most 10000; it was " + (poolSize + (long) maxOverflow) + ".");
        }
        requireAtLeast("poolTimeout", poolTimeout, Duration.ofMillis(250), false);
        requireAtLeast("poolRecycle", poolRecycle, Duration.ofSeconds(30), true);
        requireAtLeast("overflowIdleTimeout", overflowIdleTimeout, Duration.ofSeconds(10), false);
        requireAtLeast("validationTimeout", validationTimeout, Duration.ofSeconds(1), false);
        requireAtLeast("leakDetectionThreshold", leakDetectionThreshold, Duration.ofSeconds(2), true);
        if (!poolRecycle.isZero() && overflowIdleTimeout.compareTo(poolRecycle) >= 0) {
            throw new ConfigurationException("overflowIdleTimeout (" + overflowIdleTimeout + ") must be shorter than poolRecycle ("
                    + poolRecycle + "), or overflow connections would never be retired for being idle.");
        }
        DriverSettings.check(jdbcUrl, properties);
        Map<String, String> driverProperties = hideParameters ? DriverSettings.forHiddenParameters(jdbcUrl, properties) : properties;
        if (transactionPooling) {
            driverProperties = DriverSettings.forTransactionPooling(jdbcUrl, driverProperties);
        }
        String poolName = name != null ? name : "athanor-" + ENGINE_NUMBER.incrementAndGet();
        return new EngineConfig(jdbcUrl, effectiveUser, effectivePassword, dataSource, poolName, poolSize, maxOverflow,
                poolTimeout, poolRecycle, overflowIdleTimeout, validationTimeout, leakDetectionThreshold, prePing, echo,
                hideParameters, isolationLevel, Map.copyOf(driverProperties), transactionPooling, meterRegistry,
                resetInBackground);
    }

    private static void requireAtLeast(String setting, Duration value, Duration min, boolean zeroAllowed) {
        if (value == null) {
            throw new ConfigurationException(setting + " must not be null.");
        }
        if (zeroAllowed && value.isZero()) {
            return;
        }
        if (value.compareTo(min) < 0) {
            throw new ConfigurationException(setting + " must be at least " + describe(min)
                    + (zeroAllowed ? " (or Duration.ZERO to turn it off)" : "") + "; it was " + describe(value) + ".");
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

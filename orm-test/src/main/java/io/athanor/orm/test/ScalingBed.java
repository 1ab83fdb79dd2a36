package io.athanor.orm.test;

import io.athanor.orm.engine.EngineBuilder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bed for scaling tests: a {@link ReplicatedPostgres} (a throwaway primary and its streaming hot standby)
 * and a {@link ThrowawayPgBouncer} in transaction pooling mode in front of the primary, all on ports of their
 * own. Starting it takes a few seconds, so a test run starts it once and shares it:
 * <pre>{@code
 * @RegisterExtension
 * static final ScalingBed BED = ScalingBed.shared();      // started on first use, stopped when the JVM exits
 * }</pre>
 * Classes that do what others must not see (stop the standby, restart the primary, leave replay paused)
 * take their own, started before their first test and deleted after their last:
 * <pre>{@code
 * @RegisterExtension
 * static final ScalingBed BED = ScalingBed.builder().build();
 * }</pre>
 * Tests on the shared bed leave it as they found it: they name their tables after themselves, resume the
 * replay they pause, and cannot stop its standby ({@link #stopStandby()} refuses) or close it (which does
 * nothing).
 *
 * <p>Thread-safe: every method may be called from any thread.
 *
 * <p>{@link #start()} (and {@link #shared()}) throw {@link IllegalStateException} when the PostgreSQL programs
 * or PgBouncer are missing, naming the package to install, or when a process does not start.
 */
public final class ScalingBed implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(ScalingBed.class);
    private static ScalingBed shared;

    private final boolean isShared;
    private final ReplicatedPostgres replication;
    private final ThrowawayPgBouncer pgBouncer;

    private ScalingBed(boolean isShared, UnaryOperator<ThrowawayPgBouncer.Builder> bouncerSettings) {
        this.isShared = isShared;
        this.replication = ReplicatedPostgres.create();
        this.pgBouncer = bouncerSettings.apply(ThrowawayPgBouncer.builder(replication.primary())).build();
    }

    /**
     * The bed shared by every test of this JVM: started on the first call (which takes a few seconds), then
     * returned as it is; a shutdown hook stops it and deletes its directories when the JVM exits. Its
     * PgBouncer has the default settings ({@code default_pool_size} 4).
     *
     * @throws IllegalStateException if it cannot be started; the next call tries again
     */
    public static synchronized ScalingBed shared() {
        if (shared == null) {
            ScalingBed bed = new ScalingBed(true, b -> b);
            try {
                bed.start();
            } catch (RuntimeException e) {
                bed.shutDown();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(bed::shutDown, "athanor-scaling-bed-cleanup"));
            shared = bed;
        }
        return shared;
    }

    /** Configures a bed of the caller's own. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings for a bed of one's own. Not thread-safe. */
    public static final class Builder {
        private UnaryOperator<ThrowawayPgBouncer.Builder> bouncer = b -> b;

        private Builder() {
        }

        /** Settings for its PgBouncer, e.g. {@code b -> b.defaultPoolSize(2)}. */
        public Builder pgBouncer(UnaryOperator<ThrowawayPgBouncer.Builder> settings) {
            this.bouncer = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The bed, not started: {@link ScalingBed#start()} it, or register it as a JUnit extension. */
        public ScalingBed build() {
            return new ScalingBed(false, bouncer);
        }
    }

    /**
     * Starts the primary, the standby and PgBouncer (what is not running yet); returns once all three accept
     * connections.
     *
     * @return this
     * @throws IllegalStateException if a program is missing or a process does not start
     */
    public synchronized ScalingBed start() {
        long begin = System.nanoTime();
        ThrowawayPgBouncer.findProgram();                  // a missing pgbouncer fails before the servers start
        replication.start();
        pgBouncer.start();
        LOG.info("Scaling bed started: primary {}, standby {}, PgBouncer {} ({} ms)", replication.primary().port(),
                replication.standby().port(), pgBouncer.port(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return this;
    }

    /** Whether this is the JVM's {@link #shared()} bed. */
    public boolean isShared() {
        return isShared;
    }

    /** The primary and its standby, with WAL positions and replay control. */
    public ReplicatedPostgres replication() {
        return replication;
    }

    /** The primary server. */
    public ThrowawayPostgres primary() {
        return replication.primary();
    }

    /** The standby server. */
    public ThrowawayPostgres standby() {
        return replication.standby();
    }

    /** PgBouncer in front of the primary. */
    public ThrowawayPgBouncer pgBouncer() {
        return pgBouncer;
    }

    /** The primary's JDBC URL. */
    public String primaryUrl() {
        return replication.primaryUrl();
    }

    /** The standby's JDBC URL. */
    public String standbyUrl() {
        return replication.standbyUrl();
    }

    /** The JDBC URL of the primary through PgBouncer. */
    public String pgBouncerUrl() {
        return pgBouncer.jdbcUrl();
    }

    /** An engine builder on the primary. */
    public EngineBuilder primaryEngineBuilder() {
        return replication.primaryEngineBuilder();
    }

    /** An engine builder on the standby. */
    public EngineBuilder standbyEngineBuilder() {
        return replication.standbyEngineBuilder();
    }

    /** An engine builder on the primary through PgBouncer. */
    public EngineBuilder pgBouncerEngineBuilder() {
        return pgBouncer.engineBuilder();
    }

    /**
     * Stops the standby ({@link ReplicatedPostgres#stopStandby()}).
     *
     * @throws IllegalStateException on the shared bed, which other test classes use: take a bed of your own
     */
    public void stopStandby() {
        checkOwn("stop its standby");
        replication.stopStandby();
    }

    /**
     * Starts the standby again ({@link ReplicatedPostgres#startStandby()}).
     *
     * @throws IllegalStateException on the shared bed (whose standby is never stopped), or if it does not start
     */
    public void startStandby() {
        checkOwn("start its standby");
        replication.startStandby();
    }

    private void checkOwn(String what) {
        if (isShared) {
            throw new IllegalStateException("The shared scaling bed is used by other test classes, so a test may not " + what
                    + ". Register a bed of the class's own: @RegisterExtension static final ScalingBed BED = "
                    + "ScalingBed.builder().build();");
        }
    }

    /**
     * Stops PgBouncer and both servers and deletes their directories. Does nothing on the shared bed (the JVM's
     * exit does it) or when closed already.
     */
    @Override
    public void close() {
        if (!isShared) {
            shutDown();
        }
    }

    private void shutDown() {
        try {
            pgBouncer.close();
        } finally {
            replication.close();
        }
    }

    /** Starts the bed before the test class's first test (JUnit 5); the shared one is started already. */
    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Closes a bed of the class's own after its last test (JUnit 5); leaves the shared one running. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public String toString() {
        return (isShared ? "shared " : "") + "scaling bed: " + replication + ", " + pgBouncer;
    }
}

package io.athanor.orm.test;

import io.athanor.orm.engine.EngineBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL primary with a streaming hot standby of its own, for tests of reads routed to a
 * replica: both are {@link ThrowawayPostgres} servers on their own ports in their own temporary directories.
 * The primary is {@code initdb}'s (whose trust {@code pg_hba.conf} already admits replication from
 * {@code 127.0.0.1}) with {@code wal_level=replica}; the standby's data is a base backup of it taken with
 * {@code pg_basebackup -R}, started with {@code hot_standby=on}. Replication is asynchronous (the
 * {@code synchronous_commit} default with no synchronous standby), so a read on the standby may not see a
 * commit yet: {@link #awaitReplayed(Lsn, Duration)} waits for one, {@link #pauseReplay()} makes stale reads
 * certain.
 *
 * <pre>{@code
 * @RegisterExtension                                    // started before the class's tests, deleted after
 * static final ReplicatedPostgres PG = ReplicatedPostgres.create();
 * }</pre>
 * Outside JUnit, {@link #start()} it and {@link #close()} it. Starting both takes a few seconds; tests that
 * leave the pair as they found it can share one: {@link ScalingBed#shared()}.
 *
 * <p>Thread-safe: every method may be called from any thread.
 *
 * <p>{@link #start()} throws {@link IllegalStateException} when the PostgreSQL server programs or
 * {@code pg_basebackup} are missing (saying which package to install) or a server fails to start (with
 * the end of its log).
 */
public final class ReplicatedPostgres implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedPostgres.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final ThrowawayPostgres primary;
    private final ThrowawayPostgres standby;

    private ReplicatedPostgres() {
        primary = ThrowawayPostgres.builder()
                .setting("wal_level", "replica")
                .setting("max_wal_senders", "10")
                .setting("wal_keep_size", "256MB")          // a stopped standby catches up without an archive
                .build();
        standby = ThrowawayPostgres.builder()
                .setting("hot_standby", "on")
                .setting("hot_standby_feedback", "on")
                .setting("wal_receiver_status_interval", "1s")
                .standbyOf(primary)
                .build();
    }

    /** A primary and standby pair, not started: {@link #start()} it, or register it as a JUnit extension. */
    public static ReplicatedPostgres create() {
        return new ReplicatedPostgres();
    }

    /**
     * Starts the primary, takes the standby's base backup (the first time) and starts the standby; returns
     * once the standby accepts read-only connections. Does nothing for servers already running.
     *
     * @return this
     * @throws IllegalStateException if a program is missing or a server does not start
     */
    public synchronized ReplicatedPostgres start() {
        long begin = System.nanoTime();
        PostgresTools.require(PostgresTools.findBinDir(), "pg_basebackup", "a streaming standby");  // before starting anything
        primary.start();
        standby.start();
        LOG.info("Replicated PostgreSQL started: primary on port {}, standby on port {} ({} ms)", primary.port(), standby.port(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return this;
    }

    /** The primary server (read-write): its URL, engines, sessions, restart. */
    public ThrowawayPostgres primary() {
        return primary;
    }

    /** The standby server (read-only, in recovery): its URL, engines, sessions. */
    public ThrowawayPostgres standby() {
        return standby;
    }

    /** The primary's JDBC URL (database {@code postgres}, user {@link ThrowawayPostgres#USER}). */
    public String primaryUrl() {
        return primary.jdbcUrl();
    }

    /** The standby's JDBC URL (database {@code postgres}, user {@link ThrowawayPostgres#USER}). */
    public String standbyUrl() {
        return standby.jdbcUrl();
    }

    /** An engine builder on the primary; pool settings are left to the caller. */
    public EngineBuilder primaryEngineBuilder() {
        return primary.engineBuilder().name("throwaway-primary");
    }

    /** An engine builder on the standby; pool settings are left to the caller. */
    public EngineBuilder standbyEngineBuilder() {
        return standby.engineBuilder().name("throwaway-standby");
    }

    /**
     * The primary's current WAL write position ({@code pg_current_wal_lsn()}): every transaction committed
     * before the call is at or before it.
     *
     * @throws IllegalStateException if the primary cannot be queried
     */
    public Lsn primaryLsn() {
        return Lsn.parse(queryString(primary, "select pg_current_wal_lsn()::text"));
    }

    /**
     * How far the standby has replayed the WAL ({@code pg_last_wal_replay_lsn()}): what it shows its readers.
     *
     * @throws IllegalStateException if the standby is stopped or cannot be queried
     */
    public Lsn replayLsn() {
        return Lsn.parse(queryString(standby, "select pg_last_wal_replay_lsn()::text"));
    }

    /**
     * Returns once the standby has replayed the WAL up to {@code lsn} (typically a {@link #primaryLsn()}
     * taken after a commit), so a read there sees everything committed before it. Polls, never sleeps a
     * fixed time.
     *
     * @throws AssertionError if it has not after {@code timeout} (e.g. because replay is paused)
     */
    public void awaitReplayed(Lsn lsn, Duration timeout) {
        Await.until(timeout, () -> replayLsn().isAtOrAfter(lsn),
                "the standby to replay the WAL up to " + lsn + " (the primary is at " + primaryLsn() + ")");
    }

    /** {@link #awaitReplayed(Lsn, Duration)} with the primary's position now and 30 s: the standby caught up. */
    public void awaitCaughtUp() {
        awaitReplayed(primaryLsn(), CATCH_UP);
    }

    /**
     * Pauses WAL replay on the standby ({@code pg_wal_replay_pause()}): it keeps receiving the primary's
     * WAL but shows its readers nothing committed from now on, until {@link #resumeReplay()} (or a restart
     * of the standby). Returns once the pause is in force.
     *
     * @throws IllegalStateException if the standby is stopped or cannot be queried
     */
    public void pauseReplay() {
        queryString(standby, "select pg_wal_replay_pause()::text");
        Await.until(CATCH_UP, () -> !"not paused".equals(queryString(standby, "select pg_get_wal_replay_pause_state()")),
                "the standby to pause WAL replay");
    }

    /**
     * Resumes WAL replay on the standby ({@code pg_wal_replay_resume()}); it catches up at its own pace, which
     * {@link #awaitReplayed(Lsn, Duration)} waits for.
     *
     * @throws IllegalStateException if the standby is stopped or cannot be queried
     */
    public void resumeReplay() {
        queryString(standby, "select pg_wal_replay_resume()::text");
    }

    /** Whether WAL replay on the standby is paused or being paused ({@code pg_get_wal_replay_pause_state()}). */
    public boolean isReplayPaused() {
        return !"not paused".equals(queryString(standby, "select pg_get_wal_replay_pause_state()"));
    }

    /**
     * Stops the standby ({@code pg_ctl stop -m fast}), for "replica down" tests: its clients lose their
     * connections and new ones are refused. The primary keeps going.
     */
    public void stopStandby() {
        standby.stop();
    }

    /**
     * Starts the stopped standby again on the same port; it replays what the primary wrote meanwhile (replay
     * is not paused after a start). Returns once it accepts connections.
     *
     * @throws IllegalStateException if it does not start
     */
    public void startStandby() {
        standby.start();
    }

    /** Whether the standby is running (not stopped by {@link #stopStandby()}). */
    public boolean isStandbyRunning() {
        return standby.isRunning();
    }

    /**
     * Whether the server behind {@code jdbcUrl} is in recovery ({@code pg_is_in_recovery()}): {@code true} on
     * a standby, {@code false} on a primary. Logs in as {@link ThrowawayPostgres#USER} unless the URL names a
     * user; works through PgBouncer too.
     *
     * @throws IllegalStateException if it cannot connect or ask
     */
    public static boolean isInRecovery(String jdbcUrl) {
        Properties props = new Properties();
        if (!jdbcUrl.contains("user=")) {
            props.setProperty("user", ThrowawayPostgres.USER);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, props); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask " + jdbcUrl + " whether it is in recovery: " + e.getMessage(), e);
        }
    }

    private String queryString(ThrowawayPostgres server, String sql) {
        try (Connection c = server.openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on the " + (server == primary ? "primary" : "standby")
                    + " (" + server + "): " + e.getMessage(), e);
        }
    }

    /** Stops both servers and deletes their directories (standby first). Closing twice does nothing. */
    @Override
    public void close() {
        try {
            standby.close();
        } finally {
            primary.close();
        }
    }

    /** Starts the pair before the test class's first test (JUnit 5). */
    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Closes the pair after the test class's last test (JUnit 5). */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public String toString() {
        return "replicated PostgreSQL: primary " + primary + ", standby " + standby;
    }
}

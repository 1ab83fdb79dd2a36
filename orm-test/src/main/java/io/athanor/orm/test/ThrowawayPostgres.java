package io.athanor.orm.test;

import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.EngineBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of the test's own, for tests that kill sessions, restart or stop the server, and so
 * must never touch a shared one. It runs the machine's server programs (found with {@code pg_config --bindir},
 * under {@code /usr/lib/postgresql/<version>/bin}, or where {@code ATHANOR_TEST_PG_BINDIR} says):
 * {@code initdb} into a new temporary directory (trust authentication, user {@code postgres}), then
 * {@code pg_ctl start} on a free port of {@code 127.0.0.1}, with its Unix socket in that directory.
 * {@link #close()} stops it and deletes the directory; a JVM that exits without closing it does the same
 * from a shutdown hook.
 *
 * <p>Starting takes a second or more, so start one per test class, never per test method. As a JUnit 5
 * extension in a static field it starts before the class's first test and is closed after its last:
 * <pre>{@code
 * @RegisterExtension
 * static final ThrowawayPostgres PG = ThrowawayPostgres.builder().build();
 *
 * @Test
 * void survivesARestart() {
 *     Engine engine = PG.newEngine(b -> b.poolSize(2).prePing(true));
 *     PG.restart();
 *     ...
 * }
 * }</pre>
 * Outside JUnit, {@link #start()} it and {@link #close()} it (try-with-resources).
 *
 * <p>When the JVM runs as root (which {@code initdb} and {@code postgres} refuse), the server runs as the OS
 * user {@code postgres} (or the one {@code athanor.test.pg.osuser} names) through {@code runuser} or
 * {@code su}, and the directory is made its own. Every command's output goes to a log in the directory;
 * a failure's message carries the log's last lines and the server log's.
 *
 * <p>Thread-safe: its methods may be called from any thread; {@link #restart()} and {@link #stop()} wait for
 * calls in progress.
 *
 * <p>Without server programs on the machine, {@link #start()} fails with an {@link IllegalStateException}
 * saying how to install them or where to point {@code ATHANOR_TEST_PG_BINDIR}; tests are never skipped for it.
 */
public final class ThrowawayPostgres implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** The system property naming the OS user the server runs as when the JVM is root ({@code postgres} by default). */
    public static final String OS_USER_PROPERTY = "athanor.test.pg.osuser";
    /** The database user, a superuser, who logs in without a password. */
    public static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(ThrowawayPostgres.class);
    private static final String HOST = "127.0.0.1";
    private static final String ADMIN_APPLICATION = "athanor-throwaway-admin";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, String> settings;
    private final ThrowawayPostgres backupSource;
    private final Teardown teardown = new Teardown();
    private Path directory;
    private PostgresTools tools;
    private int port;
    private boolean running;
    private boolean closed;
    private Connection admin;

    private ThrowawayPostgres(Map<String, String> settings, ThrowawayPostgres backupSource) {
        this.settings = Map.copyOf(settings);
        this.backupSource = backupSource;
    }

    /** Configures a throwaway server; {@link Builder#build()} returns it not yet started. */
    public static Builder builder() {
        return new Builder();
    }

    /** A throwaway server with the default settings, started. */
    public static ThrowawayPostgres started() {
        return builder().build().start();
    }

    /** Settings for a {@link ThrowawayPostgres}. Not thread-safe; {@link #build()} freezes them. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private ThrowawayPostgres backupSource;

        private Builder() {
            settings.put("fsync", "off");
        }

        /**
         * A server setting, passed as {@code -c name=value} (e.g. {@code max_connections}, {@code wal_level}).
         * {@code fsync} is {@code off} unless set here: the data is thrown away anyway.
         */
        public Builder setting(String name, String value) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new IllegalArgumentException("Not a server setting name: " + name);
            }
            settings.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Makes the server a streaming standby of {@code primary}: its data directory is a base backup taken
         * with {@code pg_basebackup -R -X stream} from the running {@code primary} (instead of {@code initdb}),
         * so it starts in recovery and follows the primary; {@link ReplicatedPostgres} builds on this.
         */
        public Builder standbyOf(ThrowawayPostgres primary) {
            this.backupSource = Objects.requireNonNull(primary, "primary");
            return this;
        }

        /** The server, not started: {@link ThrowawayPostgres#start()} it, or register it as a JUnit extension. */
        public ThrowawayPostgres build() {
            return new ThrowawayPostgres(settings, backupSource);
        }
    }

    /**
     * Creates the data directory (the first time) and starts the server; does nothing if it is running.
     *
     * @return this
     * @throws IllegalStateException if there are no server programs, or {@code initdb} or {@code pg_ctl} fails
     */
    public synchronized ThrowawayPostgres start() {
        if (closed) {
            throw new IllegalStateException("This throwaway PostgreSQL was closed; build a new one.");
        }
        if (running) {
            return this;
        }
        long begin = System.nanoTime();
        if (directory == null) {
            initialize();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                pgCtlWithServerLog(pgCtl("start"));
                break;
            } catch (IllegalStateException e) {
                if (attempt >= 3 || !e.getMessage().contains("could not bind") && !e.getMessage().contains("already in use")) {
                    throw e;
                }
                port = freePort(); // another process took the port since it was picked
            }
        }
        running = true;
        LOG.info("Throwaway PostgreSQL started at {}:{} from {} in {} ({} ms)", HOST, port, tools.binDir(), directory,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return this;
    }

    private void initialize() {
        Path bin = PostgresTools.findBinDir();
        String osUser = PostgresTools.runningAsRoot() ? System.getProperty(OS_USER_PROPERTY, "postgres") : null;
        try {
            directory = Files.createTempDirectory("athanor-pg-");
            if (osUser != null) {
                Files.setOwner(directory, PostgresTools.lookupUser(directory, osUser));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not create the throwaway PostgreSQL's directory under "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
        teardown.onExit(this::shutDownQuietly, "athanor-throwaway-postgres-cleanup");
        tools = new PostgresTools(bin, osUser, directory.resolve("commands.log"));
        if (backupSource == null) {
            tools.run(COMMAND_TIMEOUT, "initdb", List.of("-D", dataDirectory().toString(), "-A", "trust", "-U", USER,
                    "-E", "UTF8", "--locale=C", "--no-sync"));
        } else {
            PostgresTools.require(bin, "pg_basebackup", "a streaming standby");
            tools.run(COMMAND_TIMEOUT, "pg_basebackup", List.of("-D", dataDirectory().toString(), "-R", "-X", "stream",
                    "-c", "fast", "--no-sync", "-h", HOST, "-p", Integer.toString(backupSource.port()), "-U", USER));
        }
        port = freePort();
    }

    private List<String> pgCtl(String action, String... extra) {
        List<String> args = new ArrayList<>(List.of(action, "-D", dataDirectory().toString(), "-w", "-t", "60"));
        args.addAll(List.of(extra));
        if (!action.equals("stop")) {
            StringBuilder options = new StringBuilder("-p " + port + " -k " + PostgresTools.shellQuote(directory.toString())
                    + " -c listen_addresses=" + HOST);
            settings.forEach((k, v) -> options.append(" -c ").append(PostgresTools.shellQuote(k + "=" + v)));
            args.addAll(List.of("-l", serverLog().toString(), "-o", options.toString()));
        }
        return args;
    }

    private static int freePort() {
        return PostgresTools.freePort(HOST);
    }

    /**
     * Restarts the server ({@code pg_ctl restart -m fast}): every session is ended (clients see
     * {@code 57P01} or an I/O error), transactions in progress are rolled back, and the server is up again,
     * on the same port with the same data, when this returns.
     *
     * @throws IllegalStateException if the server is not running or does not come back
     */
    public synchronized void restart() {
        checkRunning();
        closeAdmin();
        long begin = System.nanoTime();
        pgCtlWithServerLog(pgCtl("restart", "-m", "fast"));
        LOG.info("Throwaway PostgreSQL at {}:{} restarted ({} ms)", HOST, port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}), keeping its data; {@link #start()} starts it again on
     * the same port. Does nothing if it is not running.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        closeAdmin();
        pgCtlWithServerLog(pgCtl("stop", "-m", "fast"));
        running = false;
    }

    /** Runs pg_ctl; a failure's message ends with the server log's last lines too. */
    private void pgCtlWithServerLog(List<String> args) {
        try {
            tools.run(COMMAND_TIMEOUT, "pg_ctl", args);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + PostgresTools.tail(serverLog()), e);
        }
    }

    /** Whether the server was started and not stopped since. */
    public synchronized boolean isRunning() {
        return running;
    }

    /** The TCP port the server listens on at {@code 127.0.0.1}, the same across restarts. */
    public synchronized int port() {
        checkStarted();
        return port;
    }

    /** The JDBC URL of the {@code postgres} database, without user or password (log in as {@link #USER}). */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** The JDBC URL of {@code database} on this server (create it first: {@code CREATE DATABASE}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** This server as a {@link TestServer}, for code that takes one. */
    public TestServer testServer() {
        return new TestServer(DatabaseKind.POSTGRESQL, jdbcUrl(), USER, null, "throwaway PostgreSQL in " + directory);
    }

    /** The temporary directory the server lives in (data, socket, logs); deleted by {@link #close()}. */
    public synchronized Path directory() {
        checkStarted();
        return directory;
    }

    private Path dataDirectory() {
        return directory.resolve("data");
    }

    /** The server's own log file. */
    public synchronized Path serverLog() {
        checkStarted();
        return directory.resolve("server.log");
    }

    /** An engine builder for {@link #jdbcUrl()} as {@link #USER}; pool settings are left to the caller. */
    public EngineBuilder engineBuilder() {
        return Engine.builder(jdbcUrl()).name("throwaway-postgres").user(USER);
    }

    /**
     * A new engine on this server, configured by {@code settings} on top of {@link #engineBuilder()}; it is
     * closed with this server.
     */
    public Engine newEngine(UnaryOperator<EngineBuilder> settings) {
        Engine engine = settings.apply(engineBuilder()).build();
        synchronized (this) {
            teardown.track(engine);
        }
        return engine;
    }

    /** A plain JDBC connection to the {@code postgres} database, outside any engine; the caller closes it. */
    public Connection openJdbc() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /**
     * One client session of the server, as {@code pg_stat_activity} shows it.
     *
     * @param pid             the server process's id, for {@link #terminate(int)}
     * @param applicationName the client's {@code application_name} (pgjdbc's {@code ApplicationName} property); empty if none
     * @param state           {@code active}, {@code idle}, {@code idle in transaction}, ...
     * @param query           the statement running, or the last one when idle
     * @param waitEventType   what it waits for ({@code Lock}, {@code Client}, ...), or {@code null}
     * @param waitEvent       the wait in detail ({@code advisory}, {@code transactionid}, ...), or {@code null}
     */
    public record Backend(int pid, String applicationName, String state, String query, String waitEventType, String waitEvent) {

        /** Whether it is running a statement that starts with {@code prefix} (ignoring case and leading blanks). */
        public boolean isRunning(String prefix) {
            return "active".equals(state) && query.stripLeading().regionMatches(true, 0, prefix, 0, prefix.length());
        }

        /** Whether it is waiting for an advisory lock ({@code pg_advisory_lock} and kin). */
        public boolean waitsForAdvisoryLock() {
            return "Lock".equals(waitEventType) && "advisory".equals(waitEvent);
        }
    }

    /** The client sessions connected now, except the one this object uses to ask. */
    public synchronized List<Backend> backends() {
        return withAdmin(c -> {
            List<Backend> found = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pid, coalesce(application_name, ''), "
                    + "coalesce(state, ''), coalesce(query, ''), wait_event_type, wait_event from pg_stat_activity "
                    + "where backend_type = 'client backend' and pid <> pg_backend_pid() order by pid")) {
                while (rs.next()) {
                    found.add(new Backend(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
            return found;
        });
    }

    /** The client sessions whose {@code application_name} is {@code applicationName}. */
    public List<Backend> backends(String applicationName) {
        List<Backend> all = backends();
        all.removeIf(b -> !b.applicationName().equals(applicationName));
        return all;
    }

    /**
     * Ends the session of server process {@code pid} ({@code pg_terminate_backend}): its client sees
     * {@code 57P01} or an I/O error on its next or current statement, and its open transaction is rolled back.
     * Returns once the session is gone from {@code pg_stat_activity}.
     *
     * @return whether there was such a session
     * @throws AssertionError if it is still there after 30 s
     */
    public boolean terminate(int pid) {
        boolean signalled = withAdmin(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_terminate_backend(?)")) {
                ps.setInt(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
        if (signalled) {
            Await.until(Duration.ofSeconds(30), () -> backends().stream().noneMatch(b -> b.pid() == pid),
                    "server process " + pid + " to end after pg_terminate_backend");
        }
        return signalled;
    }

    /** Ends every client session but the one this object asks through; see {@link #terminate(int)}. */
    public int terminateAll() {
        return terminateAll(b -> true);
    }

    /**
     * Ends the client sessions that {@code which} selects; see {@link #terminate(int)}.
     *
     * @return how many there were
     */
    public int terminateAll(Predicate<Backend> which) {
        int ended = 0;
        for (Backend b : backends()) {
            if (which.test(b) && terminate(b.pid())) {
                ended++;
            }
        }
        return ended;
    }

    @FunctionalInterface
    private interface AdminWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on the admin connection, opening it (again, after a restart) when needed. */
    private synchronized <T> T withAdmin(AdminWork<T> work) {
        checkRunning();
        for (int attempt = 1; ; attempt++) {
            try {
                if (admin == null) {
                    Properties props = new Properties();
                    props.setProperty("user", USER);
                    props.setProperty("ApplicationName", ADMIN_APPLICATION);
                    admin = DriverManager.getConnection(jdbcUrl(), props);
                    admin.setAutoCommit(true);
                }
                return work.run(admin);
            } catch (SQLException e) {
                closeAdmin();
                if (attempt >= 2) {
                    throw new IllegalStateException("Could not query the throwaway PostgreSQL at " + HOST + ":" + port + ": "
                            + e.getMessage() + PostgresTools.tail(serverLog()), e);
                }
            }
        }
    }

    private void closeAdmin() {
        if (admin != null) {
            try {
                admin.close();
            } catch (SQLException e) {
                LOG.debug("Closing the admin connection failed", e);
            }
            admin = null;
        }
    }

    private void checkStarted() {
        if (directory == null) {
            throw new IllegalStateException("This throwaway PostgreSQL has not been started: call start(), or register it "
                    + "as a JUnit extension in a static field (@RegisterExtension static final ThrowawayPostgres ...), "
                    + "which starts it before the class's tests.");
        }
    }

    private void checkRunning() {
        checkStarted();
        if (closed || !running) {
            throw new IllegalStateException("This throwaway PostgreSQL is " + (closed ? "closed" : "stopped; start() it again") + ".");
        }
    }

    /** Closes the engines made by {@link #newEngine}, stops the server and deletes its directory. Closing twice does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            shutDownQuietly();
        }
        teardown.removeHook();
    }

    private synchronized void shutDownQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        teardown.closeEngines();
        closeAdmin();
        if (directory == null) {
            return;
        }
        if (running) {
            try {
                tools.run(COMMAND_TIMEOUT, "pg_ctl", pgCtl("stop", "-m", "immediate"));
            } catch (RuntimeException e) {
                LOG.warn("Stopping the throwaway PostgreSQL in {} failed: {}", directory, e.getMessage());
            }
            running = false;
        }
        PostgresTools.deleteTree(directory);
    }

    /** Starts the server before the test class's first test (JUnit 5). */
    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Closes the server after the test class's last test (JUnit 5). */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized String toString() {
        return "throwaway PostgreSQL" + (directory == null ? " (not started)" : " at " + HOST + ":" + port + " in " + directory
                + (running ? "" : closed ? " (closed)" : " (stopped)"));
    }
}

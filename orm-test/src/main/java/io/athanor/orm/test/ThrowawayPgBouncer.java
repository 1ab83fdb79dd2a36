package io.athanor.orm.test;

import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.EngineBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PgBouncer of the test's own in front of a {@link ThrowawayPostgres}, in <b>transaction pooling</b> mode:
 * many client connections share a few server connections, each client holding one only for the length of a
 * transaction. It writes a {@code pgbouncer.ini} into a new temporary directory (listening on a free port of
 * {@code 127.0.0.1}, trust authentication with an {@code auth_file} naming {@link ThrowawayPostgres#USER},
 * every database forwarded to the server, {@code default_pool_size} 4 unless set), starts the machine's
 * {@code pgbouncer} (as the OS user {@code postgres} when the JVM is root, since it refuses root) and returns
 * once it accepts connections. {@link #close()} stops it and deletes the directory; a JVM that exits without
 * closing it does the same from a shutdown hook.
 *
 * <p>pgjdbc's {@code extra_float_digits} startup parameter, which PgBouncer refuses by default, is ignored.
 * PgBouncer 1.18 does not keep server-side prepared statements across transactions: a client must not rely
 * on them (pgjdbc: {@code prepareThreshold=0}), nor on session state ({@code SET}, advisory locks, temporary
 * tables) outliving a transaction.
 *
 * <p>{@link #pools()} and {@link #serverConnections(String)} read its admin console ({@code SHOW POOLS},
 * {@code SHOW SERVERS} on database {@code pgbouncer}), so a test can assert that sessions really share
 * server connections.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ThrowawayPgBouncer BOUNCER = ThrowawayPgBouncer.builder(PG).defaultPoolSize(2).build();
 * }</pre>
 * (register it after the server's own extension, so the server is started first.)
 *
 * <p>Thread-safe: every method may be called from any thread.
 *
 * <p>{@link #start()} throws {@link IllegalStateException} when {@code pgbouncer} is not installed (saying
 * which package to install, or to set {@code ATHANOR_TEST_PGBOUNCER}), or when it does not start (with the
 * end of its log).
 */
public final class ThrowawayPgBouncer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** The system property naming the {@code pgbouncer} program, taking precedence over {@link #PROGRAM_ENV}. */
    public static final String PROGRAM_PROPERTY = "athanor.test.pgbouncer";
    /** The environment variable naming the {@code pgbouncer} program, when it is not in a usual place. */
    public static final String PROGRAM_ENV = "ATHANOR_TEST_PGBOUNCER";
    private static final Logger LOG = LoggerFactory.getLogger(ThrowawayPgBouncer.class);
    private static final String HOST = "127.0.0.1";
    private static final long START_TIMEOUT_MS = 30_000;

    private final ThrowawayPostgres server;
    private final Map<String, String> settings;
    private final Teardown teardown = new Teardown();
    private Path directory;
    private Process process;
    private int port;
    private boolean closed;

    private ThrowawayPgBouncer(ThrowawayPostgres server, Map<String, String> settings) {
        this.server = server;
        this.settings = Map.copyOf(settings);
    }

    /** Configures a PgBouncer in front of {@code server} (which must be running when it starts). */
    public static Builder builder(ThrowawayPostgres server) {
        return new Builder(Objects.requireNonNull(server, "server"));
    }

    /** Settings for a {@link ThrowawayPgBouncer}. Not thread-safe; {@link #build()} freezes them. */
    public static final class Builder {
        private final ThrowawayPostgres server;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Set<String> ignoredStartupParameters = new LinkedHashSet<>(List.of("extra_float_digits"));

        private Builder(ThrowawayPostgres server) {
            this.server = server;
            settings.put("pool_mode", "transaction");
            settings.put("default_pool_size", "4");
            settings.put("max_client_conn", "500");
            settings.put("server_login_retry", "1");
        }

        /** How many server connections each database and user pair may have (4 by default). */
        public Builder defaultPoolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("default_pool_size must be at least 1, not " + size);
            }
            return setting("default_pool_size", Integer.toString(size));
        }

        /** How many client connections it accepts in all (500 by default). */
        public Builder maxClientConn(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max_client_conn must be at least 1, not " + max);
            }
            return setting("max_client_conn", Integer.toString(max));
        }

        /** A startup parameter clients send that PgBouncer should accept and drop (besides {@code extra_float_digits}). */
        public Builder ignoreStartupParameter(String name) {
            checkName(name);
            ignoredStartupParameters.add(name);
            return this;
        }

        /**
         * Any other {@code [pgbouncer]} setting, e.g. {@code pool_mode = session} or {@code server_lifetime}; the
         * listening address, port, authentication and admin users are the bed's own and cannot be set.
         */
        public Builder setting(String name, String value) {
            checkName(name);
            if (Set.of("listen_addr", "listen_port", "unix_socket_dir", "auth_type", "auth_file", "admin_users", "logfile",
                    "pidfile", "ignore_startup_parameters").contains(name)) {
                throw new IllegalArgumentException(name + " is set by the throwaway PgBouncer itself"
                        + (name.equals("ignore_startup_parameters") ? "; add parameters with ignoreStartupParameter(name)" : ""));
            }
            if (value.contains("\n")) {
                throw new IllegalArgumentException("A PgBouncer setting's value is one line: " + name + " = " + value);
            }
            settings.put(name, value);
            return this;
        }

        private static void checkName(String name) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Not a PgBouncer setting or parameter name: " + name);
            }
        }

        /** The PgBouncer, not started: {@link ThrowawayPgBouncer#start()} it, or register it as a JUnit extension. */
        public ThrowawayPgBouncer build() {
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.put("ignore_startup_parameters", String.join(",", ignoredStartupParameters));
            return new ThrowawayPgBouncer(server, all);
        }
    }

    /**
     * Writes the configuration (the first time) and starts PgBouncer; returns once it lets a client through to the server.
     * Does nothing if it is running.
     *
     * @return this
     * @throws IllegalStateException if {@code pgbouncer} is missing, the server is not running, or PgBouncer does not start
     */
    public synchronized ThrowawayPgBouncer start() {
        if (closed) {
            throw new IllegalStateException("This throwaway PgBouncer was closed; build a new one.");
        }
        if (process != null && process.isAlive()) {
            return this;
        }
        long begin = System.nanoTime();
        Path program = findProgram();
        if (!server.isRunning()) {
            throw new IllegalStateException("Start the server before its PgBouncer (" + server + "); as JUnit extensions, "
                    + "register the server's field before the PgBouncer's.");
        }
        String osUser = PostgresTools.runningAsRoot() ? System.getProperty(ThrowawayPostgres.OS_USER_PROPERTY, "postgres") : null;
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("athanor-pgbouncer-");
                if (osUser != null) {
                    Files.setOwner(directory, PostgresTools.lookupUser(directory, osUser));
                }
                Files.writeString(directory.resolve("userlist.txt"), "\"" + ThrowawayPostgres.USER + "\" \"\"\n");
            } catch (IOException e) {
                throw new IllegalStateException("Could not create the throwaway PgBouncer's directory under "
                        + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
            }
            teardown.onExit(this::shutDownQuietly, "athanor-throwaway-pgbouncer-cleanup");
        }
        PostgresTools tools = new PostgresTools(program.getParent(), osUser, directory.resolve("commands.log"));
        for (int attempt = 1; ; attempt++) {
            port = PostgresTools.freePort(HOST);
            writeIni();
            try {
                process = tools.launch(List.of(program.toString(), directory.resolve("pgbouncer.ini").toString()), log());
            } catch (IOException e) {
                throw new IllegalStateException("Could not run " + program + ": " + e.getMessage(), e);
            }
            if (awaitAccepting()) {
                break;
            }
            String log = PostgresTools.tail(log());
            if (attempt >= 3 || !log.contains("in use")) {
                throw new IllegalStateException("PgBouncer did not start on " + HOST + ":" + port + " in front of " + server
                        + "." + log);
            }
        }
        LOG.info("Throwaway PgBouncer started at {}:{} in front of port {} ({} ms)", HOST, port, server.port(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return this;
    }

    /** The {@code pgbouncer} program: where the property or environment says, else the usual places and the PATH. */
    static Path findProgram() {
        String explicit = System.getProperty(PROGRAM_PROPERTY, System.getenv(PROGRAM_ENV));
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit.strip());
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new IllegalStateException(PROGRAM_ENV + " / " + PROGRAM_PROPERTY + " names " + p + ", which is not an "
                        + "executable pgbouncer. Point it at the program (command -v pgbouncer prints it), or install PgBouncer "
                        + "(Debian/Ubuntu: apt-get install pgbouncer; Fedora/RHEL: dnf install pgbouncer; macOS: brew install "
                        + "pgbouncer).");
            }
            return p;
        }
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"),
                Path.of("/usr/local/bin/pgbouncer"), Path.of("/opt/homebrew/bin/pgbouncer")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    candidates.add(Path.of(entry, "pgbouncer"));
                }
            }
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("PgBouncer (the pgbouncer program) is not installed on this machine, so no throwaway "
                + "PgBouncer can be started. Install it (Debian/Ubuntu: apt-get install pgbouncer; Fedora/RHEL: dnf install "
                + "pgbouncer; macOS: brew install pgbouncer), or set " + PROGRAM_ENV + " (or -D" + PROGRAM_PROPERTY
                + "=...) to its path. Looked in /usr/sbin, /usr/bin, /usr/local/bin, /opt/homebrew/bin and the PATH.");
    }

    private void writeIni() {
        StringBuilder ini = new StringBuilder("[databases]\n* = host=" + HOST + " port=" + server.port() + "\n\n[pgbouncer]\n");
        ini.append("listen_addr = ").append(HOST).append('\n')
                .append("listen_port = ").append(port).append('\n')
                .append("unix_socket_dir = ").append(directory).append('\n')
                .append("auth_type = trust\n")
                .append("auth_file = ").append(directory.resolve("userlist.txt")).append('\n')
                .append("admin_users = ").append(ThrowawayPostgres.USER).append('\n');
        settings.forEach((k, v) -> ini.append(k).append(" = ").append(v).append('\n'));
        try {
            Files.writeString(directory.resolve("pgbouncer.ini"), ini, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + directory.resolve("pgbouncer.ini") + ": " + e.getMessage(), e);
        }
    }

    /** Polls with a client connection until one gets through (true) or the process ends or the deadline passes (false). */
    @SuppressWarnings("try") // opening the connection is the check; it is not used
    private boolean awaitAccepting() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() - end < 0) {
            if (!process.isAlive()) {
                return false;
            }
            try (Connection c = openJdbc()) {
                return true;
            } catch (SQLException notYet) {
                try {
                    process.waitFor(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for PgBouncer to start", e);
                }
            }
        }
        stopProcess();
        return false;
    }

    /** The TCP port it listens on at {@code 127.0.0.1}. */
    public synchronized int port() {
        if (directory == null) {
            throw new IllegalStateException("This throwaway PgBouncer has not been started: call start(), or register it as "
                    + "a JUnit extension in a static field after its server's.");
        }
        return port;
    }

    /** The JDBC URL of the {@code postgres} database through PgBouncer (log in as {@link ThrowawayPostgres#USER}). */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** The JDBC URL of {@code database} through PgBouncer; the database must exist on the server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** An engine builder for {@link #jdbcUrl()} as {@link ThrowawayPostgres#USER}; pool settings are left to the caller. */
    public EngineBuilder engineBuilder() {
        return Engine.builder(jdbcUrl()).name("throwaway-pgbouncer").user(ThrowawayPostgres.USER);
    }

    /** A new engine through PgBouncer, configured by {@code settings} on {@link #engineBuilder()}; closed with this. */
    public Engine newEngine(UnaryOperator<EngineBuilder> settings) {
        Engine engine = settings.apply(engineBuilder()).build();
        synchronized (this) {
            teardown.track(engine);
        }
        return engine;
    }

    /** A plain JDBC connection to the {@code postgres} database through PgBouncer; the caller closes it. */
    public Connection openJdbc() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", ThrowawayPostgres.USER);
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /**
     * One pool as {@code SHOW POOLS} shows it: the connections of one database and user pair.
     *
     * @param database        the database clients asked for
     * @param user            the user they logged in as
     * @param clientsActive   client connections linked to a server connection or idle ({@code cl_active})
     * @param clientsWaiting  client connections waiting for a server connection ({@code cl_waiting})
     * @param serversActive   server connections linked to a client ({@code sv_active})
     * @param serversIdle     server connections idle, ready for a client ({@code sv_idle})
     * @param serversUsed     server connections idle a while, to be checked before use ({@code sv_used})
     * @param serversOther    server connections being tested or logging in ({@code sv_tested + sv_login})
     */
    public record Pool(String database, String user, int clientsActive, int clientsWaiting, int serversActive, int serversIdle,
                       int serversUsed, int serversOther) {

        /** Every server connection of the pool, whatever its state. */
        public int servers() {
            return serversActive + serversIdle + serversUsed + serversOther;
        }

        /** Every client connection of the pool, served or waiting. */
        public int clients() {
            return clientsActive + clientsWaiting;
        }
    }

    /**
     * The pools now ({@code SHOW POOLS}), without the admin console's own.
     *
     * @throws IllegalStateException if the admin console cannot be asked
     */
    public List<Pool> pools() {
        List<Pool> pools = new ArrayList<>();
        for (Map<String, String> r : admin("SHOW POOLS")) {
            if (!r.get("database").equals("pgbouncer")) {
                pools.add(new Pool(r.get("database"), r.get("user"), count(r, "cl_active"), count(r, "cl_waiting"),
                        count(r, "sv_active"), count(r, "sv_idle"), count(r, "sv_used"), count(r, "sv_tested") + count(r, "sv_login")));
            }
        }
        return pools;
    }

    /**
     * How many server connections PgBouncer holds to {@code database} now ({@code SHOW SERVERS}), in any state.
     *
     * @throws IllegalStateException if the admin console cannot be asked
     */
    public int serverConnections(String database) {
        return (int) admin("SHOW SERVERS").stream().filter(r -> database.equals(r.get("database"))).count();
    }

    private static int count(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalStateException("PgBouncer's SHOW POOLS has no column " + column + " (it has " + row.keySet()
                    + "); this PgBouncer version is not supported.");
        }
        return Integer.parseInt(value);
    }

    /**
     * Runs {@code command} on the admin console with {@code psql}, returning its rows as column-to-value maps.
     * Not pgjdbc: it always sends {@code extra_float_digits} at login, which the 1.18 admin console refuses
     * whatever {@code ignore_startup_parameters} says.
     */
    private List<Map<String, String>> admin(String command) {
        List<String> psql = List.of(psql().toString(), "-X", "-q", "-A", "-F", "\t", "-P", "footer=off", "-v", "ON_ERROR_STOP=1",
                "-h", HOST, "-p", Integer.toString(port()), "-U", ThrowawayPostgres.USER, "-d", "pgbouncer", "-c", command);
        try {
            ProcessBuilder pb = new ProcessBuilder(psql).redirectErrorStream(true);
            pb.environment().put("PGCONNECT_TIMEOUT", "5");
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Could not run " + command + " on the throwaway PgBouncer's admin console at "
                        + HOST + ":" + port + ": " + out.strip() + PostgresTools.tail(log()));
            }
            List<String> lines = out.lines().filter(l -> !l.isEmpty()).toList();
            List<Map<String, String>> rows = new ArrayList<>();
            if (lines.isEmpty()) {
                return rows;
            }
            String[] header = lines.get(0).split("\t", -1);
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length && i < values.length; i++) {
                    row.put(header[i], values[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run psql for PgBouncer's admin console: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking PgBouncer's admin console", e);
        }
    }

    private static Path psql() {
        Path bin = PostgresTools.findBinDir();
        PostgresTools.require(bin, "psql", "asking PgBouncer's admin console");
        return bin.resolve("psql");
    }

    /** PgBouncer's own log (its standard output and error). */
    public synchronized Path log() {
        port();
        return directory.resolve("pgbouncer.log");
    }

    /** The temporary directory holding its configuration, socket and log; deleted by {@link #close()}. */
    public synchronized Path directory() {
        port();
        return directory;
    }

    /** Whether its process is running. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Closes the engines made by {@link #newEngine}, stops PgBouncer and deletes its directory. Closing twice does nothing. */
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
        stopProcess();
        if (directory != null) {
            PostgresTools.deleteTree(directory);
        }
    }

    /**
     * Ends pgbouncer by process id: first the program itself, so that the runuser or su wrapping it when root
     * ends on its own rather than after its grace period for a signalled child; then the wrapper if it lingers.
     */
    private void stopProcess() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        try {
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle h : tree) {
                h.onExit().get(10, TimeUnit.SECONDS);
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("PgBouncer at {}:{} did not end on SIGTERM: {}; killing it", HOST, port, e.getMessage());
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Starts PgBouncer before the test class's first test (JUnit 5); register it after its server. */
    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Closes PgBouncer after the test class's last test (JUnit 5). */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized String toString() {
        return "throwaway PgBouncer" + (directory == null ? " (not started)" : " at " + HOST + ":" + port + " in " + directory
                + (closed ? " (closed)" : ""));
    }
}

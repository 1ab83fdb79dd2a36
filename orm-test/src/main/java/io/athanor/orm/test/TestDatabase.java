package io.athanor.orm.test;

import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.EngineBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * A private database for one test class on one kind of server: a fresh schema on PostgreSQL, a fresh
 * database on MariaDB, a fresh in-memory database on H2. Nothing another test class does can be seen
 * here, so classes may run in any order or in parallel. {@link #close()} drops it all and closes every
 * engine made from it.
 *
 * <p>Get one from {@link DatabaseTest} (per class, closed for you) or {@link #create(DatabaseKind, String)}.
 *
 * <p>Thread-safe.
 */
public final class TestDatabase implements AutoCloseable {
    private final TestServer server;
    private final String name;
    private final String jdbcUrl;
    private final List<Engine> engines = new ArrayList<>();
    private Engine shared;
    private boolean closed;

    private TestDatabase(TestServer server, String name, String jdbcUrl) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Creates an isolated database named after {@code owner} (with a random suffix) on the server for
     * {@code kind}.
     *
     * @throws IllegalStateException if the server cannot be reached or the schema cannot be created
     */
    public static TestDatabase create(DatabaseKind kind, String owner) {
        TestServer server = TestServers.server(kind);
        String name = isolatedName(owner);
        try {
            switch (kind) {
                case POSTGRESQL:
                    run(server, server.jdbcUrl(), "CREATE SCHEMA " + name);
                    return new TestDatabase(server, name, withParameter(server.jdbcUrl(), "currentSchema", name));
                case MARIADB:
                    run(server, server.jdbcUrl(), "CREATE DATABASE " + name);
                    return new TestDatabase(server, name, replaceDatabase(server.jdbcUrl(), name));
                case H2:
                default:
                    return new TestDatabase(server, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test schema " + name + " on " + server + ": " + e.getMessage(), e);
        }
    }

    static String isolatedName(String owner) {
        String base = owner.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        if (base.length() > 40) {
            base = base.substring(base.length() - 40);
        }
        return "t_" + base + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    }

    private static String withParameter(String url, String key, String value) {
        return url + (url.indexOf('?') < 0 ? "?" : "&") + key + "=" + value;
    }

    private static String replaceDatabase(String url, String database) {
        int schemeEnd = url.indexOf("://") + 3;
        int q = url.indexOf('?', schemeEnd);
        String head = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q);
        int slash = head.indexOf('/', schemeEnd);
        String hostPart = slash < 0 ? head : head.substring(0, slash);
        return hostPart + "/" + database + query;
    }

    private static void run(TestServer server, String url, String sql) throws SQLException {
        try (Connection c = TestServers.open(server, url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The kind of database. */
    public DatabaseKind kind() {
        return server.kind();
    }

    /** The schema (PostgreSQL), database (MariaDB) or in-memory database (H2) name. */
    public String name() {
        return name;
    }

    /** A JDBC URL that lands in this database, without user or password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The server this database lives on. */
    public TestServer server() {
        return server;
    }

    /** An engine builder pointed at this database, with its login; pool settings are left to the caller. */
    public EngineBuilder engineBuilder() {
        EngineBuilder b = Engine.builder(jdbcUrl).name("test-" + kind().label());
        if (server.user() != null) {
            b.user(server.user());
        }
        if (server.password() != null) {
            b.password(server.password());
        }
        return b;
    }

    /**
     * A new engine for this database, configured by {@code settings} on top of {@link #engineBuilder()};
     * it is closed with this database.
     */
    public synchronized Engine newEngine(UnaryOperator<EngineBuilder> settings) {
        checkOpen();
        Engine engine = settings.apply(engineBuilder()).build();
        engines.add(engine);
        return engine;
    }

    /** An engine shared by the tests of this class (pool of 2 plus 4 overflow), created on first use. */
    public synchronized Engine engine() {
        if (shared == null) {
            shared = newEngine(b -> b.poolSize(2).maxOverflow(4));
        }
        return shared;
    }

    /** A plain JDBC connection to this database, outside any engine (for setup and for killing sessions). */
    public Connection openJdbc() throws SQLException {
        return TestServers.open(server, jdbcUrl);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Test database " + name + " is closed.");
        }
    }

    /** Closes every engine made from this database and drops the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Engine e : engines) {
            e.close();
        }
        try {
            switch (kind()) {
                case POSTGRESQL:
                    run(server, server.jdbcUrl(), "DROP SCHEMA IF EXISTS " + name + " CASCADE");
                    break;
                case MARIADB:
                    run(server, server.jdbcUrl(), "DROP DATABASE IF EXISTS " + name);
                    break;
                case H2:
                default:
                    run(server, jdbcUrl, "SHUTDOWN");
                    break;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + name + " on " + server + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return kind().label() + ":" + name;
    }
}

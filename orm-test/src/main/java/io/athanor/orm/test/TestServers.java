package io.athanor.orm.test;

import io.athanor.orm.engine.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the server for each kind of test database, once per JVM, in this order:
 * <ol>
 *   <li>an explicit URL: the system property {@code athanor.test.postgres.url} /
 *       {@code athanor.test.mariadb.url}, or the environment variable {@code ATHANOR_TEST_POSTGRES_URL} /
 *       {@code ATHANOR_TEST_MARIADB_URL} (any form {@link DatabaseUrl} accepts);</li>
 *   <li>a container started by Testcontainers ({@code postgres:16}, {@code mariadb:11}) when a Docker
 *       engine is present;</li>
 *   <li>the local defaults {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} and
 *       {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}.</li>
 * </ol>
 * H2 needs no server. A server that does not answer makes {@link #server} throw an error saying how to
 * provide one; tests are never skipped for want of a database.
 *
 * <p>Thread-safe.
 */
public final class TestServers {
    private static final Logger LOG = LoggerFactory.getLogger(TestServers.class);
    private static final Map<DatabaseKind, Object> RESOLVED = new EnumMap<>(DatabaseKind.class);

    private TestServers() {
    }

    /**
     * The server for {@code kind}, checked to answer.
     *
     * @throws IllegalStateException if it cannot be reached, with what to do about it
     */
    public static synchronized TestServer server(DatabaseKind kind) {
        Object known = RESOLVED.get(kind);
        if (known == null) {
            try {
                known = resolve(kind);
            } catch (IllegalStateException e) {
                known = e;
            }
            RESOLVED.put(kind, known);
        }
        if (known instanceof IllegalStateException) {
            throw new IllegalStateException(((IllegalStateException) known).getMessage(), (IllegalStateException) known);
        }
        return (TestServer) known;
    }

    private static TestServer resolve(DatabaseKind kind) {
        if (kind == DatabaseKind.H2) {
            return new TestServer(kind, "jdbc:h2:mem:", "sa", "", "embedded");
        }
        String prop = kind == DatabaseKind.POSTGRESQL ? "athanor.test.postgres.url" : "athanor.test.mariadb.url";
        String env = kind == DatabaseKind.POSTGRESQL ? "ATHANOR_TEST_POSTGRES_URL" : "ATHANOR_TEST_MARIADB_URL";
        String explicit = System.getProperty(prop, System.getenv(env));
        TestServer server;
        if (explicit != null && !explicit.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(explicit);
            server = new TestServer(kind, url.jdbcUrl(), url.user().orElse(null), url.password().orElse(null), env);
        } else if (dockerLikely()) {
            server = Containers.start(kind);
        } else if (kind == DatabaseKind.POSTGRESQL) {
            server = new TestServer(kind, "jdbc:postgresql://127.0.0.1:5432/test", "postgres", null, "local default");
        } else {
            server = new TestServer(kind, "jdbc:mariadb://127.0.0.1:3306/test", "root", null, "local default");
        }
        check(server, env);
        LOG.info("Test database: {}", server);
        return server;
    }

    private static boolean dockerLikely() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return Containers.dockerAvailable();
        }
        if (!Files.exists(Path.of("/var/run/docker.sock")) && !Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))) {
            return false;
        }
        return Containers.dockerAvailable();
    }

    static void check(TestServer server, String env) {
        try (Connection c = open(server, server.jdbcUrl())) {
            c.isValid(5);
        } catch (SQLException e) {
            String start = server.kind() == DatabaseKind.POSTGRESQL
                    ? "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                    : "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";
            throw new IllegalStateException("The " + server.kind().label() + " server for the tests does not answer: " + server
                    + ": " + e.getMessage() + "\nStart it (on this project's machines: " + start + "), or set " + env
                    + " to a server the tests may use (for example jdbc:" + (server.kind() == DatabaseKind.POSTGRESQL
                    ? "postgresql://host:5432/db?user=u&password=p" : "mariadb://host:3306/db?user=u&password=p")
                    + "), or run a Docker engine so that Testcontainers can start one. Tests are not skipped without it.", e);
        }
    }

    static Connection open(TestServer server, String jdbcUrl) throws SQLException {
        Properties props = new Properties();
        if (server.user() != null) {
            props.setProperty("user", server.user());
        }
        if (server.password() != null) {
            props.setProperty("password", server.password());
        }
        return DriverManager.getConnection(jdbcUrl, props);
    }
}

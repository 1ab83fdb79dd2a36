package io.athanor.orm.test;

import java.util.Objects;

/**
 * Where a test database server is: the JDBC URL of a database the tests may create schemas (or, on
 * MariaDB, databases) in, and how to log in. Immutable.
 *
 * @param kind     the kind of server
 * @param jdbcUrl  a JDBC URL without user or password
 * @param user     the user, or {@code null}
 * @param password the password, or {@code null}
 * @param origin   how the server was found, for messages ("Testcontainers postgres:16", "ATHANOR_TEST_POSTGRES_URL", ...)
 */
public record TestServer(DatabaseKind kind, String jdbcUrl, String user, String password, String origin) {

    /** Creates a server description; {@code kind}, {@code jdbcUrl} and {@code origin} are required. */
    public TestServer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return kind.label() + " at " + jdbcUrl + (user == null ? "" : " as " + user) + " (" + origin + ")";
    }
}

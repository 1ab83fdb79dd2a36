package io.athanor.orm.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers, touched only when a Docker engine may exist. Containers live as long as the JVM. */
final class Containers {
    private Containers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static TestServer start(DatabaseKind kind) {
        JdbcDatabaseContainer<?> container = kind == DatabaseKind.POSTGRESQL
                ? new PostgreSQLContainer("postgres:16")
                : new MariaDBContainer("mariadb:11").withUsername("root").withPassword("");
        container.start();
        String image = kind == DatabaseKind.POSTGRESQL ? "postgres:16" : "mariadb:11";
        return new TestServer(kind, container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "Testcontainers " + image);
    }
}

package io.athanor.orm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PgBouncer in transaction pooling mode: pgjdbc connects through it, and many clients share few server connections.
 * The count of server sessions comes first, before another PgBouncer on the same server has come and gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThrowawayPgBouncerTest {
    private static final int POOL_SIZE = 4;
    private static final int CLIENTS = 20;

    @RegisterExtension
    static final ThrowawayPostgres PG = ThrowawayPostgres.builder().build();
    @RegisterExtension
    static final ThrowawayPgBouncer BOUNCER = ThrowawayPgBouncer.builder(PG).defaultPoolSize(POOL_SIZE).build();

    @Test
    void pgjdbcConnectsThroughItToThePrimary() throws Exception {
        assertThat(BOUNCER.port()).isNotEqualTo(PG.port()).isNotEqualTo(6432);
        assertThat(BOUNCER.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + BOUNCER.port() + "/postgres");
        assertThat(ReplicatedPostgres.isInRecovery(BOUNCER.jdbcUrl())).isFalse();
        try (Connection c = BOUNCER.openJdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select inet_server_port(), current_setting('application_name')")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the server behind it").isEqualTo(PG.port());
        }
        assertThat(Files.readString(BOUNCER.directory().resolve("pgbouncer.ini"))).contains("pool_mode = transaction");
    }

    @Test
    @Order(1)
    void twentyConcurrentClientsShareAtMostDefaultPoolSizeServerConnections() throws Exception {
        CyclicBarrier connected = new CyclicBarrier(CLIENTS + 1);
        CyclicBarrier done = new CyclicBarrier(CLIENTS + 1);
        Set<Integer> serverPids = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    try (Connection c = BOUNCER.openJdbc(); Statement s = c.createStatement()) {
                        connected.await(30, TimeUnit.SECONDS);
                        for (int t = 0; t < 10; t++) {
                            try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                                rs.next();
                                serverPids.add(rs.getInt(1));
                            }
                        }
                        done.await(30, TimeUnit.SECONDS);
                        done.await(30, TimeUnit.SECONDS);      // stays connected while the main thread looks
                    }
                    return null;
                }));
            }
            connected.await(30, TimeUnit.SECONDS);
            done.await(30, TimeUnit.SECONDS);
            ThrowawayPgBouncer.Pool pool = BOUNCER.pools().stream().filter(p -> p.database().equals("postgres")).findFirst()
                    .orElseThrow();
            assertThat(pool.clients()).as("client connections, all open at once").isEqualTo(CLIENTS);
            assertThat(pool.servers()).as("server connections in the pool").isBetween(1, POOL_SIZE);
            assertThat(BOUNCER.serverConnections("postgres")).isBetween(1, POOL_SIZE);
            assertThat(serverPids).as("server processes that answered the %d clients", CLIENTS).hasSizeBetween(1, POOL_SIZE);
            assertThat(PG.backends()).as("sessions on the server").hasSizeLessThanOrEqualTo(POOL_SIZE);
            done.await(30, TimeUnit.SECONDS);
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void withoutPgBouncerItFailsSayingWhichPackageToInstall() throws Exception {
        Path nowhere = Path.of("/nonexistent/pgbouncer");
        String before = System.getProperty(ThrowawayPgBouncer.PROGRAM_PROPERTY);
        System.setProperty(ThrowawayPgBouncer.PROGRAM_PROPERTY, nowhere.toString());
        try (ThrowawayPgBouncer bouncer = ThrowawayPgBouncer.builder(PG).build()) {
            assertThatThrownBy(bouncer::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(nowhere.toString())
                    .hasMessageContaining("apt-get install pgbouncer")
                    .hasMessageContaining(ThrowawayPgBouncer.PROGRAM_ENV);
        } finally {
            if (before == null) {
                System.clearProperty(ThrowawayPgBouncer.PROGRAM_PROPERTY);
            } else {
                System.setProperty(ThrowawayPgBouncer.PROGRAM_PROPERTY, before);
            }
        }
    }

    @Test
    void settingsItOwnsAreRefusedWithTheWayToChangeThem() {
        assertThatThrownBy(() -> ThrowawayPgBouncer.builder(PG).setting("listen_port", "6432"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the throwaway PgBouncer");
        assertThatThrownBy(() -> ThrowawayPgBouncer.builder(PG).setting("ignore_startup_parameters", "options"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ignoreStartupParameter");
        assertThatThrownBy(() -> ThrowawayPgBouncer.builder(PG).defaultPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closingStopsItAndDeletesItsDirectory() throws Exception {
        Path directory;
        try (ThrowawayPgBouncer bouncer = ThrowawayPgBouncer.builder(PG).build().start()) {
            directory = bouncer.directory();
            assertThat(bouncer.isRunning()).isTrue();
            assertThat(ReplicatedPostgres.isInRecovery(bouncer.jdbcUrl())).isFalse();
        }
        assertThat(Files.exists(directory)).isFalse();
    }
}

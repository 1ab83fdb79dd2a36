package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link Connection#cancel()} from another thread reaches the statement in flight, whichever way it runs.
 * Each statement waits for a row another transaction holds, so it is surely running when it is cancelled.
 */
class ConnectionCancelTest {

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void cancelReachesABatch(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        engine.runInTransaction(c -> c.execute(text("create table held_batch (id int primary key)")));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            rows.add(Params.of("id", i));
        }
        DatabaseException failure = cancelWhileWaiting(db, engine, "insert into held_batch (id) values (50)",
                "insert into held_batch (id) values (%", c -> c.executeBatch(text("insert into held_batch (id) values (:id)"), rows));
        assertThat(failure.sqlState()).isEqualTo(cancelledState(db.kind()));
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void cancelReachesAStreamsQuery(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        engine.runInTransaction(c -> {
            c.execute(text("create table held_stream (id int primary key)"));
            c.execute(text("insert into held_stream (id) values (1)"));
        });
        DatabaseException failure = cancelWhileWaiting(db, engine, "select id from held_stream where id = 1 for update",
                "select id from held_stream for update", c -> {
                    try (java.util.stream.Stream<Integer> s = c.stream("select id from held_stream for update", List.of(),
                            ps -> { }, 10, rs -> rs.getInt(1))) {
                        return s.collect(Collectors.toList());
                    }
                });
        assertThat(failure.sqlState()).isEqualTo(cancelledState(db.kind()));
    }

    /**
     * Runs {@code work} on another thread while a second transaction has run {@code blocking}, waits until
     * the work's statement ({@code waiting}, a LIKE pattern of how MariaDB shows it) waits for that transaction, cancels it, and returns how the work failed.
     */
    private static DatabaseException cancelWhileWaiting(TestDatabase db, Engine engine, String blocking, String waiting,
                                                        Function<Connection, Object> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (java.sql.Connection blocker = db.openJdbc(); java.sql.Connection admin = db.openJdbc();
             Connection c = engine.connect()) {
            blocker.setAutoCommit(false);
            try (Statement b = blocker.createStatement()) {
                b.execute(blocking);
            }
            AtomicLong backend = new AtomicLong();
            String idSql = db.kind() == DatabaseKind.POSTGRESQL ? "select pg_backend_pid()" : "select connection_id()";
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                backend.set(c.execute(text(idSql)).scalar(Long.class));
                return work.apply(c);
            }, thread);
            Await.until(Duration.ofSeconds(60), () -> backend.get() != 0 && waits(admin, db.kind(), backend.get(), waiting),
                    "the statement to wait for the row the other transaction holds");

            c.cancel();
            Throwable thrown = null;
            try {
                // the blocker still holds its row: only the cancel lets the statement end
                running.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                thrown = e.getCause();
            }
            blocker.rollback();
            c.rollback();
            assertThat(thrown).isInstanceOf(DatabaseException.class);
            return (DatabaseException) thrown;
        } finally {
            thread.shutdown();
        }
    }

    /** Whether connection {@code backend} waits for a lock (on MariaDB: is running a statement like {@code sql}, which
     * waits for one). */
    private static boolean waits(java.sql.Connection admin, DatabaseKind kind, long backend, String sql) {
        // MariaDB's information_schema.innodb_trx is a cache that repeated reads keep stale: there the
        // process list shows the statement, which cannot finish while the row is held
        String query = kind == DatabaseKind.POSTGRESQL
                ? "select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'"
                : "select count(*) from information_schema.processlist where id = ? and info like ?";
        try (PreparedStatement ps = admin.prepareStatement(query)) {
            ps.setLong(1, backend);
            if (kind != DatabaseKind.POSTGRESQL) {
                ps.setString(2, sql);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cancelledState(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? "57014" : "70100";
    }
}

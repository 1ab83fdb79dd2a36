package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connection whose server session is ended under it never leaves its user stuck. The server ends the
 * session itself, through an idle timeout the test sets on that session alone (PostgreSQL's
 * {@code idle_in_transaction_session_timeout} and {@code idle_session_timeout}, MariaDB's {@code wait_timeout}):
 * no other session of the shared server is touched, and nothing is killed.
 */
class LostConnectionTest {

    /** The server's id of the session behind {@code c}. */
    private static long sessionOf(Connection c, TestDatabase db) {
        return c.execute(text(db.kind() == DatabaseKind.POSTGRESQL ? "select pg_backend_pid()" : "select connection_id()"))
                .scalar(Long.class);
    }

    /**
     * Has the server end the session behind {@code c} by an idle timeout set on that session only, and waits,
     * from a second connection that only reads the server's session list, until it is gone.
     */
    private static void endSession(TestDatabase db, Connection c) throws SQLException {
        boolean postgres = db.kind() == DatabaseKind.POSTGRESQL;
        long id = sessionOf(c, db);
        if (postgres) {
            // one statement: a second one sent after the first timeout is set could meet its session already ended
            c.execute(text("select set_config('idle_in_transaction_session_timeout', '100', false), "
                    + "set_config('idle_session_timeout', '100', false)"));
        } else {
            c.execute(text("set session wait_timeout = 1"));
        }
        try (java.sql.Connection observer = db.openJdbc(); Statement s = observer.createStatement()) {
            String stillThere = postgres ? "select count(*) from pg_stat_activity where pid = " + id
                    : "select count(*) from information_schema.processlist where id = " + id;
            Await.until(Duration.ofSeconds(30), () -> count(s, stillThere) == 0, "session " + id + " to be ended by the server");
        }
    }

    private static long count(Statement s, String sql) {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Engine engine(TestDatabase db) {
        return engine(db, true);
    }

    private static Engine engine(TestDatabase db, boolean resetInBackground) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).resetInBackground(resetInBackground));
        engine.runInTransaction(c -> c.execute(text("create table if not exists lost_rows (id int primary key)")));
        return engine;
    }

    /**
     * The pool holds exactly its one connection again, idle: the lost one was dropped, not leaked. (Closing
     * {@code next} leaves a transaction to roll back, which the pool may still be doing: that is waited for.)
     */
    private static void assertNothingLeaked(Engine engine) {
        try (Connection next = engine.connect()) {
            assertThat(next.execute(text("select 1")).scalar(Integer.class)).isEqualTo(1);
            assertThat(next.isBroken()).isFalse();
        }
        Await.until(Duration.ofSeconds(20), () -> engine.pool().active() == 0, "the connection's rollback on return");
        PoolStatus pool = engine.pool();
        assertThat(pool.active()).as("connections checked out: %s", pool).isZero();
        assertThat(pool.total()).as("connections open: %s", pool).isEqualTo(1);
        assertThat(pool.idle()).as("connections idle: %s", pool).isEqualTo(1);
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void rollbackAfterTheSessionWasEndedReturnsAndTheConnectionIsDropped(TestDatabase db) throws Exception {
        Engine engine = engine(db);
        List<CheckinEvent> checkins = new ArrayList<>();
        engine.events().onCheckin(checkins::add);
        Connection c = engine.connect();
        try {
            c.executeUpdate(text("insert into lost_rows (id) values (1)"), Map.of());
            endSession(db, c);

            c.rollback();

            assertThat(c.isBroken()).isTrue();
            assertThat(c.isClosed()).isFalse();
            assertThatThrownBy(() -> c.execute(text("select 1"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("connection was lost").hasMessageContaining("engine.connect()");
            assertThatThrownBy(c::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("connection was lost");
            c.rollback();
        } finally {
            c.close();
        }
        assertThat(c.isClosed()).isTrue();
        assertThat(checkins).hasSize(1);
        assertNothingLeaked(engine);
        Long rows = engine.inTransaction(t -> t.execute(text("select count(*) from lost_rows")).scalar(Long.class));
        assertThat(rows).as("the insert died with its session").isZero();
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void aStatementOnALostConnectionFailsThenRollbackAndCloseSucceed(TestDatabase db) throws Exception {
        Engine engine = engine(db);
        try (Connection c = engine.connect()) {
            endSession(db, c);

            assertThatThrownBy(() -> c.executeUpdate(text("insert into lost_rows (id) values (2)"), Map.of()))
                    .isInstanceOf(DatabaseException.class);
            assertThat(c.isBroken()).isTrue();
            c.rollback();
            assertThat(c.isBroken()).isTrue();
        }
        assertNothingLeaked(engine);
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void closingALostConnectionWithUncommittedWorkDoesNotThrow(TestDatabase db) throws Exception {
        for (boolean inBackground : new boolean[] {false, true}) {
            Engine engine = engine(db, inBackground);
            Connection c = engine.connect();
            c.executeUpdate(text("insert into lost_rows (id) values (3)"), Map.of());
            endSession(db, c);

            c.close();

            assertThat(c.isClosed()).isTrue();
            if (!inBackground) {
                assertThat(c.isBroken()).as("the rollback on close found the connection lost").isTrue();
            } // else the pool's rollback finds it lost, after close() returned, and replaces it
            assertNothingLeaked(engine);
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void inTransactionRethrowsTheWorksErrorWithNothingSuppressed(TestDatabase db) {
        Engine engine = engine(db);
        DatabaseException e = org.junit.jupiter.api.Assertions.assertThrows(DatabaseException.class,
                () -> engine.runInTransaction(c -> {
                    try {
                        endSession(db, c);
                    } catch (SQLException admin) {
                        throw new IllegalStateException(admin);
                    }
                    c.execute(text("select 1"));
                }));
        assertThat(e.getSuppressed()).as("the rollback of a lost connection is not a second failure").isEmpty();
        assertNothingLeaked(engine);
    }

    @DatabaseTest
    void aLiveConnectionIsNotBroken(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(text("select * from no_such_table_here"))).isInstanceOf(DatabaseException.class);
            assertThat(c.isBroken()).as("a failed statement does not make a connection broken").isFalse();
            c.rollback();
            assertThat(c.isBroken()).isFalse();
            assertThat(c.execute(text("select 1")).scalar(Integer.class)).isEqualTo(1);
        }
    }
}

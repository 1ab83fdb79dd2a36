package io.athanor.orm.pool;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.EngineBuilder;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * With resetInBackground(true) a connection closed with its transaction open is rolled back on a pool thread:
 * the pool never hands it out before the rollback, nothing uncommitted survives, a connection whose
 * rollback fails is replaced, and closing the engine leaves no transaction behind. Failed transactions, explicit
 * rollbacks and an engine with the setting off roll back before the call returns.
 */
class BackgroundResetTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A fresh table with one committed row (1, 0). */
    private static void table(TestDatabase db) throws SQLException {
        try (java.sql.Connection raw = db.openJdbc(); Statement s = raw.createStatement()) {
            raw.setAutoCommit(true);
            s.execute("drop table if exists reset_rows");
            s.execute("create table reset_rows (id int primary key, v int not null)");
            s.execute("insert into reset_rows (id, v) values (1, 0)");
        }
    }

    private static Engine engine(TestDatabase db, UnaryOperator<EngineBuilder> more) {
        return db.newEngine(b -> more.apply(b.poolSize(1).maxOverflow(0).poolTimeout(WAIT).resetInBackground(true)));
    }

    /** The database's id of the session behind {@code c}. */
    private static long sessionId(TestDatabase db, Connection c) {
        String sql = switch (db.kind()) {
            case POSTGRESQL -> "select pg_backend_pid()";
            case MARIADB -> "select connection_id()";
            case H2 -> "select session_id()";
        };
        return ((Number) c.execute(text(sql)).scalar()).longValue();
    }

    /**
     * Whether session {@code id} has a transaction with writes open, as another session sees it. On MariaDB, whose
     * {@code information_schema.innodb_trx} may be a tenth of a second old, by whether row 1 is locked ({@code NOWAIT}).
     */
    private static boolean inTransaction(TestDatabase db, long id) {
        String sql = switch (db.kind()) {
            case POSTGRESQL -> "select count(*) from pg_stat_activity where pid = ? and backend_xid is not null";
            case MARIADB -> "select count(*) from reset_rows where id = 1 for update nowait";
            case H2 -> "select count(*) from information_schema.sessions where session_id = ? and contains_uncommitted";
        };
        try (java.sql.Connection raw = db.openJdbc(); PreparedStatement ps = raw.prepareStatement(sql)) {
            if (db.kind() == DatabaseKind.MARIADB) {
                raw.setAutoCommit(false);
                try (ResultSet rs = ps.executeQuery()) {
                    return !rs.next(); // count(*) answers with one row: nothing held the lock
                } catch (SQLException e) {
                    if (e.getErrorCode() == 1205 || e.getErrorCode() == 3572) {
                        return true; // lock wait timeout / would wait
                    }
                    throw e;
                } finally {
                    raw.rollback();
                }
            }
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The committed rows, as a new session sees them: "id=v" pairs. */
    private static String committed(TestDatabase db) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (java.sql.Connection raw = db.openJdbc(); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("select id, v from reset_rows order by id")) {
            while (rs.next()) {
                out.append(rs.getInt(1)).append('=').append(rs.getInt(2)).append(' ');
            }
        }
        return out.toString().strip();
    }

    /** Opens a transaction on {@code c} that writes and locks: updates row 1, inserts row 2. */
    private static void write(Connection c) {
        c.execute(text("update reset_rows set v = 99 where id = 1"));
        c.execute(text("insert into reset_rows (id, v) values (2, 2)"));
    }

    @DatabaseTest
    void theNextCheckoutGetsTheConnectionRolledBackAndNothingUncommittedSurvives(TestDatabase db) throws Exception {
        table(db);
        Engine engine = engine(db, b -> b);
        long id;
        try (Connection c = engine.connect()) {
            id = sessionId(db, c);
            write(c);
            assertThat(inTransaction(db, id)).isTrue();
        }
        for (int round = 0; round < 20; round++) {
            try (Connection next = engine.connect()) {
                assertThat(sessionId(db, next)).as("a pool of one hands out its one connection").isEqualTo(id);
                assertThat(inTransaction(db, id)).as("handed out still in a transaction").isFalse();
                if (db.kind() == DatabaseKind.POSTGRESQL) {
                    assertThat(next.execute(text("select pg_current_xact_id_if_assigned()")).scalar()).isNull();
                    assertThat(next.execute(text("select count(*) from pg_locks where relation = 'reset_rows'::regclass"))
                            .scalar(Long.class)).isZero();
                }
                assertThat(next.execute(text("select count(*) from reset_rows where id = 2")).scalar(Long.class)).isZero();
                write(next); // and closed without commit again: the next round must see none of it
            }
        }
        assertThat(committed(db)).isEqualTo("1=0");
        Await.until(WAIT, () -> engine.pool().idle() == 1 && engine.pool().active() == 0, "the connection back in the pool");
        assertThat(engine.pool().total()).isEqualTo(1);
    }

    @DatabaseTest
    void aCallerWaitingForTheConnectionGetsItOnceRolledBack(TestDatabase db) throws Exception {
        table(db);
        Engine engine = engine(db, b -> b);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Connection holder = engine.connect();
            long id = sessionId(db, holder);
            write(holder);
            Future<String> waiter = other.submit(() -> {
                try (Connection c = engine.connect()) {
                    return sessionId(db, c) + " " + inTransaction(db, id) + " "
                            + c.execute(text("select v from reset_rows where id = 1")).scalar(Integer.class);
                }
            });
            Await.until(WAIT, () -> engine.pool().waiting() == 1, "the second caller waiting for the only connection");
            holder.close();
            assertThat(waiter.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(id + " false 0");
        } finally {
            other.shutdownNow();
        }
        assertThat(committed(db)).isEqualTo("1=0");
    }

    @DatabaseTest
    void aConnectionThatDiesBeforeItsRollbackIsReplacedAndThePoolRecovers(TestDatabase db) throws Exception {
        table(db);
        Engine engine = engine(db, b -> b);
        long id;
        try (Connection c = engine.connect()) {
            id = sessionId(db, c);
            write(c);
            c.jdbc().unwrap(java.sql.Connection.class).close(); // the driver's own connection, under the pool's
        }
        try (Connection next = engine.connect()) {
            assertThat(sessionId(db, next)).isNotEqualTo(id);
            assertThat(next.execute(text("select count(*) from reset_rows")).scalar(Long.class)).isEqualTo(1L);
        }
        assertThat(committed(db)).isEqualTo("1=0");
        Await.until(WAIT, () -> engine.pool().total() == 1 && engine.pool().idle() == 1, "the pool back to one idle connection");
    }

    @DatabaseTest
    void closingTheEngineRightAfterLeavesNoTransactionAndNoWrite(TestDatabase db) throws Exception {
        table(db);
        for (int round = 0; round < 10; round++) {
            Engine engine = engine(db, b -> b);
            long id;
            try (Connection c = engine.connect()) {
                id = sessionId(db, c);
                write(c);
            }
            engine.close(); // the rollback may still be under way: close waits for it or closes the connection
            assertThat(inTransaction(db, id)).isFalse();
            assertThat(committed(db)).isEqualTo("1=0");
            assertThatThrownBy(engine::connect).isInstanceOf(IllegalStateException.class);
        }
    }

    @DatabaseTest
    void aFailedTransactionAnExplicitRollbackAndTheSettingOffRollBackBeforeReturning(TestDatabase db) throws Exception {
        table(db);
        Engine engine = engine(db, b -> b);
        long id;
        try (Connection c = engine.connect()) {
            id = sessionId(db, c);
            write(c);
            assertThatThrownBy(() -> c.execute(text("insert into reset_rows (id, v) values (1, 1)")))
                    .isInstanceOf(DatabaseException.class);
        }
        assertThat(inTransaction(db, id)).as("a failed transaction is rolled back in close()").isFalse();

        try (Connection c = engine.connect()) {
            write(c);
            c.rollback();
            assertThat(inTransaction(db, id)).as("rollback() is done when it returns").isFalse();
        }

        Engine off = engine(db, b -> b.resetInBackground(false));
        long offId;
        try (Connection c = off.connect()) {
            offId = sessionId(db, c);
            write(c);
        }
        assertThat(inTransaction(db, offId)).as("resetInBackground(false): rolled back in close()").isFalse();
        assertThat(off.pool().active()).isZero();
        assertThat(committed(db)).isEqualTo("1=0");
    }
}

package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.RecordedStatement;
import io.athanor.orm.test.SqlRecorder;
import io.athanor.orm.test.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Savepoints and work done through JDBC itself (COPY) reach the engine's events like any statement. */
class JdbcWorkEventsTest {

    /** Streams {@code csv} through pgjdbc's COPY API, as orm-core's bulk COPY does. */
    private static long copyCsv(java.sql.Connection jdbc, String copy, String csv) throws SQLException {
        CopyIn in = jdbc.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void savepointsReachEchoTheRecorderAndTheSlowQueryLogAsTheirSql(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).echo(true));
        engine.runInTransaction(c -> c.execute(text("create table sp_events (id int primary key)")));
        Text insert = text("insert into sp_events (id) values (:id)");
        try (LogCapture echo = new LogCapture("io.athanor.orm.sql"); LogCapture slow = new LogCapture("io.athanor.orm.sql.slow");
             Registration everything = engine.events().slowQueryLog(Duration.ZERO);
             SqlRecorder sql = SqlRecorder.attach(engine); Connection c = engine.connect()) {
            c.executeUpdate(insert, Map.of("id", 1));
            Savepoint outer = c.savepoint("sp_1");
            c.executeUpdate(insert, Map.of("id", 2));
            Savepoint inner = c.savepoint();
            c.executeUpdate(insert, Map.of("id", 3));
            inner.rollback();
            outer.release();
            c.commit();

            String generated = inner.name();
            assertThat(generated).startsWith("athanor_sp_");
            String ins = "insert into sp_events (id) values (?)";
            assertThat(sql.sql()).containsExactly(ins, "SAVEPOINT sp_1", ins, "SAVEPOINT " + generated, ins,
                    "ROLLBACK TO SAVEPOINT " + generated, "RELEASE SAVEPOINT sp_1");
            assertThat(sql.statements()).filteredOn(s -> s.sql().contains("SAVEPOINT")).hasSize(4).allSatisfy(s -> {
                assertThat(s.failed()).isFalse();
                assertThat(s.rowCount()).isZero();
                assertThat(s.batch()).isFalse();
                assertThat(s.parameterSets()).containsExactly(List.of());
            });
            assertThat(echo.messages(Level.INFO)).containsExactly(ins + " [1]", "SAVEPOINT sp_1 []", ins + " [2]",
                    "SAVEPOINT " + generated + " []", ins + " [3]", "ROLLBACK TO SAVEPOINT " + generated + " []",
                    "RELEASE SAVEPOINT sp_1 []");
            assertThat(slow.messages(Level.WARN)).hasSize(7).anySatisfy(m -> assertThat(m).endsWith(": SAVEPOINT sp_1 []"))
                    .anySatisfy(m -> assertThat(m).endsWith(": ROLLBACK TO SAVEPOINT " + generated + " []"))
                    .anySatisfy(m -> assertThat(m).endsWith(": RELEASE SAVEPOINT sp_1 []"));
            assertThat(c.execute(text("select id from sp_events order by id")).column("id", Integer.class))
                    .as("the rollback to the inner savepoint undid only the last insert").containsExactly(1, 2);
        }
    }

    @DatabaseTest
    void aSavepointStatementThatFailsIsRecordedAsFailedWithItsSql(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        try (SqlRecorder sql = SqlRecorder.attach(engine); Connection c = engine.connect()) {
            c.execute(text("select 1"));
            Savepoint released = c.savepoint("sp_gone");
            released.release();
            DatabaseException e = org.junit.jupiter.api.Assertions.assertThrows(DatabaseException.class, released::rollback);
            assertThat(e.sql()).isEqualTo("ROLLBACK TO SAVEPOINT sp_gone");
            assertThat(sql.statements()).extracting(RecordedStatement::sql, RecordedStatement::failed).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("select 1", false),
                    org.assertj.core.groups.Tuple.tuple("SAVEPOINT sp_gone", false),
                    org.assertj.core.groups.Tuple.tuple("RELEASE SAVEPOINT sp_gone", false),
                    org.assertj.core.groups.Tuple.tuple("ROLLBACK TO SAVEPOINT sp_gone", true));
            assertThatThrownBy(() -> c.execute(text("select 2"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("call rollback()");
            c.rollback();
            assertThat(c.execute(text("select 3")).scalar(Integer.class)).isEqualTo(3);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void copyRunThroughJdbcIsOneStatementWithItsRowCount(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).echo(true));
        engine.runInTransaction(c -> c.execute(text("create table copy_events (id int primary key, name text)")));
        String copy = "COPY copy_events (id, name) FROM STDIN (FORMAT csv)";
        try (LogCapture echo = new LogCapture("io.athanor.orm.sql"); SqlRecorder sql = SqlRecorder.attach(engine);
             Connection c = engine.connect()) {
            long rows = c.runJdbc(copy, jdbc -> copyCsv(jdbc, copy, "1,ada\n2,alan\n3,grace\n"), n -> n);
            c.commit();

            assertThat(rows).isEqualTo(3);
            assertThat(sql.statements()).singleElement().satisfies(s -> {
                assertThat(s.sql()).isEqualTo(copy);
                assertThat(s.rowCount()).isEqualTo(3);
                assertThat(s.failed()).isFalse();
            });
            assertThat(echo.messages(Level.INFO)).containsExactly(copy + " []");
            assertThat(c.execute(text("select count(*) from copy_events")).scalar(Long.class)).isEqualTo(3L);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aCopyThatFailsBecomesADatabaseErrorWithItsSqlAndFailsTheTransaction(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        engine.runInTransaction(c -> c.execute(text("create table copy_fails (id int primary key)")));
        String copy = "COPY copy_fails (id) FROM STDIN (FORMAT csv)";
        try (SqlRecorder sql = SqlRecorder.attach(engine); Connection c = engine.connect()) {
            DatabaseException e = org.junit.jupiter.api.Assertions.assertThrows(DatabaseException.class,
                    () -> c.runJdbc(copy, jdbc -> copyCsv(jdbc, copy, "1\nnot a number\n"), n -> n));
            assertThat(e.sql()).isEqualTo(copy);
            assertThat(e.sqlState()).isEqualTo("22P02");
            assertThat(sql.statements()).singleElement().satisfies(s -> {
                assertThat(s.sql()).isEqualTo(copy);
                assertThat(s.failed()).isTrue();
            });
            assertThatThrownBy(c::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("call rollback()");
            c.rollback();
            assertThat(c.execute(text("select count(*) from copy_fails")).scalar(Long.class)).isZero();
        }
    }
}

package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.error.ForeignKeyViolationException;
import io.athanor.orm.error.NotNullViolationException;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

class ConnectionTest {

    private static void createTable(Engine engine, String ddl) {
        engine.runInTransaction(c -> c.execute(text(ddl)));
    }

    private static long count(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            return c.execute(text("select count(*) from " + table)).scalar(Long.class);
        }
    }

    @DatabaseTest
    void namedParametersNullsDatesAndInLists(Engine engine, DatabaseKind kind) {
        String binary = kind == DatabaseKind.POSTGRESQL ? "bytea" : "varbinary(16)";
        createTable(engine, "create table people (id int primary key, name varchar(100), born date, "
                + "seen timestamp, balance decimal(12,2), active boolean, photo " + binary + ")");
        try (Connection c = engine.connect()) {
            long[] counts = c.executeBatch(text("insert into people (id, name, born, seen, balance, active, photo) "
                            + "values (:id, :name, :born, :seen, :balance, :active, :photo)"),
                    List.of(Params.of("id", 1, "name", "ada", "born", LocalDate.of(1815, 12, 10),
                                    "seen", LocalDateTime.of(2024, 2, 29, 23, 59, 58), "balance", new BigDecimal("1234.50"),
                                    "active", true, "photo", new byte[] {0, 1, (byte) 0xFF}),
                            Params.of("id", 2, "name", "alan", "born", null, "seen", null, "balance", null,
                                    "active", false, "photo", null)));
            assertThat(counts).hasSize(2);
            c.commit();
        }
        try (Connection c = engine.connect()) {
            Result r = c.execute(text("select id, name, born, seen, balance, active, photo from people where id in (:ids) order by id"),
                    Params.of("ids", List.of(1, 2)));
            assertThat(r.column("name", String.class)).containsExactly("ada", "alan");
            Row ada = r.rows().get(0);
            assertThat(ada.get("born")).isEqualTo(LocalDate.of(1815, 12, 10));
            assertThat(ada.get("seen")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 58));
            assertThat(ada.get("balance", BigDecimal.class)).isEqualByComparingTo("1234.50");
            assertThat(ada.get("active", Boolean.class)).isTrue();
            assertThat((byte[]) ada.get("photo")).containsExactly(0, 1, 0xFF);
            Row alan = r.rows().get(1);
            assertThat(alan.get("born")).isNull();
            assertThat(alan.get("active", Boolean.class)).isFalse();
        }
    }

    @DatabaseTest
    void injectionStringsRoundTripAsPlainValues(Engine engine, DatabaseKind kind) {
        createTable(engine, "create table notes (id int primary key, body varchar(200))");
        List<String> nasty = List.of("'; drop table notes; --", "O'Reilly", "\"double\" quotes", "back\\slash \\' \\\\",
                ":name is not a parameter", "?", "Zürich ☃ 🚀", "line\nbreak\ttab");
        try (Connection c = engine.connect()) {
            for (int i = 0; i < nasty.size(); i++) {
                c.executeUpdate(text("insert into notes (id, body) values (:id, :body)"), Params.of("id", i, "body", nasty.get(i)));
            }
            c.commit();
        }
        try (Connection c = engine.connect()) {
            for (int i = 0; i < nasty.size(); i++) {
                Result r = c.execute(text("select id, body from notes where body = :body"), Params.of("body", nasty.get(i)));
                assertThat(r.one().get("id", Integer.class)).isEqualTo(i);
                assertThat(r.one().get("body")).isEqualTo(nasty.get(i));
            }
        }
        assertThat(count(engine, "notes")).isEqualTo(nasty.size());

        String withNul = "nul\u0000byte";
        if (kind == DatabaseKind.POSTGRESQL) {
            // PostgreSQL text cannot hold NUL: the value is refused as a value, never interpreted as SQL.
            try (Connection c = engine.connect()) {
                assertThatThrownBy(() -> c.executeUpdate(text("insert into notes (id, body) values (:id, :body)"),
                        Params.of("id", 100, "body", withNul))).isInstanceOf(DatabaseException.class);
            }
        } else {
            engine.runInTransaction(c -> c.executeUpdate(text("insert into notes (id, body) values (100, :body)"),
                    Params.of("body", withNul)));
            try (Connection c = engine.connect()) {
                assertThat(c.execute(text("select body from notes where id = 100")).scalar()).isEqualTo(withNul);
            }
        }
        assertThat(count(engine, "notes")).isGreaterThanOrEqualTo(nasty.size());
    }

    @DatabaseTest
    void closeRollsBackUncommittedWorkAndCommitKeepsIt(Engine engine) {
        createTable(engine, "create table tx_close (id int primary key)");
        try (Connection c = engine.connect()) {
            c.executeUpdate(text("insert into tx_close (id) values (1)"), Map.of());
        }
        assertThat(count(engine, "tx_close")).isZero();
        try (Connection c = engine.connect()) {
            c.executeUpdate(text("insert into tx_close (id) values (2)"), Map.of());
            c.commit();
        }
        assertThat(count(engine, "tx_close")).isEqualTo(1);
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void explicitTransactionsRollBackUnlessCommittedAndRefuseToNest(Engine engine) {
        createTable(engine, "create table tx_explicit (id int primary key)");
        try (Connection c = engine.connect()) {
            try (Transaction tx = c.begin()) {
                c.executeUpdate(text("insert into tx_explicit (id) values (1)"), Map.of());
                assertThat(c.inTransaction()).isTrue();
                assertThatThrownBy(c::begin).isInstanceOf(IllegalStateException.class).hasMessageContaining("savepoint()");
            }
            assertThat(c.inTransaction()).isFalse();
            try (Transaction tx = c.begin()) {
                c.executeUpdate(text("insert into tx_explicit (id) values (2)"), Map.of());
                tx.commit();
                assertThat(tx.isActive()).isFalse();
                assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("already ended");
            }
        }
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("select id from tx_explicit")).column("id", Integer.class)).containsExactly(2);
        }
    }

    @DatabaseTest
    void savepointsUndoPartOfATransaction(Engine engine) {
        createTable(engine, "create table tx_savepoint (id int primary key)");
        try (Connection c = engine.connect()) {
            c.executeUpdate(text("insert into tx_savepoint (id) values (1)"), Map.of());
            Savepoint sp = c.savepoint();
            c.executeUpdate(text("insert into tx_savepoint (id) values (2)"), Map.of());
            sp.rollback();
            Savepoint again = c.savepoint("before_duplicate");
            assertThatThrownBy(() -> c.executeUpdate(text("insert into tx_savepoint (id) values (1)"), Map.of()))
                    .isInstanceOf(UniqueViolationException.class);
            again.rollback();
            c.executeUpdate(text("insert into tx_savepoint (id) values (3)"), Map.of());
            c.commit();
        }
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("select id from tx_savepoint order by id")).column("id", Integer.class)).containsExactly(1, 3);
        }
    }

    @DatabaseTest
    void aFailedStatementForcesRollbackAndNothingOfTheTransactionIsKept(Engine engine) {
        createTable(engine, "create table tx_failed (id int primary key, name varchar(20) not null)");
        try (Connection c = engine.connect()) {
            c.executeUpdate(text("insert into tx_failed (id, name) values (1, 'a')"), Map.of());
            UniqueViolationException e = org.junit.jupiter.api.Assertions.assertThrows(UniqueViolationException.class,
                    () -> c.executeUpdate(text("insert into tx_failed (id, name) values (:id, :name)"), Params.of("id", 1, "name", "b")));
            assertThat(e.sql()).isEqualTo("insert into tx_failed (id, name) values (?, ?)");
            assertThat(e.parameters()).containsExactly(1, "b");
            assertThat(e.sqlState()).isNotBlank();
            assertThat(e.getMessage()).contains("SQL: insert into tx_failed").contains("Parameters: [1, 'b']");
            assertThatThrownBy(c::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("call rollback()");
            assertThatThrownBy(() -> c.execute(text("select 1"))).isInstanceOf(IllegalStateException.class);
            c.rollback();
            assertThat(c.execute(text("select count(*) from tx_failed")).scalar(Long.class)).isZero();
        }
    }

    @DatabaseTest
    void aFailedBatchReportsTheRowThatFailed(Engine engine) {
        createTable(engine, "create table batch_rows (id int primary key)");
        try (Connection c = engine.connect()) {
            DatabaseException e = org.junit.jupiter.api.Assertions.assertThrows(DatabaseException.class,
                    () -> c.executeBatch(text("insert into batch_rows (id) values (:id)"),
                            List.of(Params.of("id", 1), Params.of("id", 2), Params.of("id", 1), Params.of("id", 4))));
            assertThat(e).isInstanceOf(UniqueViolationException.class);
            assertThat(e.parameters()).containsExactly(1);
            assertThat(e.getMessage()).contains("Parameters: [1]");
            c.rollback();
        }
    }

    @DatabaseTest
    void constraintViolationsHaveTheirOwnTypes(Engine engine) {
        createTable(engine, "create table fk_parent (id int primary key)");
        createTable(engine, "create table fk_child (id int primary key, parent_id int not null, "
                + "constraint fk_child_parent foreign key (parent_id) references fk_parent (id))");
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.executeUpdate(text("insert into fk_child (id, parent_id) values (1, 99)"), Map.of()))
                    .isInstanceOf(ForeignKeyViolationException.class);
            c.rollback();
            assertThatThrownBy(() -> c.executeUpdate(text("insert into fk_child (id, parent_id) values (1, :p)"),
                    Params.of("p", null))).isInstanceOf(NotNullViolationException.class);
            c.rollback();
        }
    }

    @DatabaseTest
    void inTransactionCommitsOnReturnAndRollsBackOnException(Engine engine) {
        createTable(engine, "create table tx_helper (id int primary key)");
        int inserted = engine.inTransaction(c -> (int) c.executeUpdate(text("insert into tx_helper (id) values (1)"), Map.of()));
        assertThat(inserted).isEqualTo(1);
        assertThatThrownBy(() -> engine.runInTransaction(c -> {
            c.executeUpdate(text("insert into tx_helper (id) values (2)"), Map.of());
            throw new IllegalArgumentException("boom");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
        assertThat(count(engine, "tx_helper")).isEqualTo(1);
    }

    @DatabaseTest
    void isolationLevelPerConnectionIsResetOnReturnAndEngineDefaultApplies(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        IsolationLevel initial;
        try (Connection c = engine.connect()) {
            initial = c.isolationLevel();
            c.isolationLevel(IsolationLevel.SERIALIZABLE);
            assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
        }
        try (Connection c = engine.connect()) {
            assertThat(c.isolationLevel()).isEqualTo(initial);
        }
        Engine repeatable = db.newEngine(b -> b.poolSize(1).maxOverflow(0).isolationLevel(IsolationLevel.REPEATABLE_READ));
        try (Connection c = repeatable.connect()) {
            assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.REPEATABLE_READ);
        }
    }

    @DatabaseTest
    void autocommitModeCommitsEachStatement(Engine engine) {
        createTable(engine, "create table tx_auto (id int primary key)");
        try (Connection c = engine.connect()) {
            c.autocommit(true);
            c.executeUpdate(text("insert into tx_auto (id) values (1)"), Map.of());
            assertThatThrownBy(c::begin).isInstanceOf(IllegalStateException.class).hasMessageContaining("autocommit");
        }
        assertThat(count(engine, "tx_auto")).isEqualTo(1);
        try (Connection c = engine.connect()) {
            c.executeUpdate(text("insert into tx_auto (id) values (2)"), Map.of());
            assertThatThrownBy(() -> c.autocommit(true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("uncommitted work");
        }
        assertThat(count(engine, "tx_auto")).isEqualTo(1);
    }

    @DatabaseTest
    void aClosedConnectionRefusesWork(Engine engine) {
        Connection c = engine.connect();
        c.close();
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(() -> c.execute(text("select 1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("engine.connect()");
    }

    @DatabaseTest
    void syntaxErrorsCarryTheSqlAndState(Engine engine) {
        try (Connection c = engine.connect()) {
            DatabaseException e = org.junit.jupiter.api.Assertions.assertThrows(DatabaseException.class,
                    () -> c.execute(text("selec 1")));
            assertThat(e.sql()).isEqualTo("selec 1");
            assertThat(e.sqlState()).startsWith("42");
            assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
        }
    }
}

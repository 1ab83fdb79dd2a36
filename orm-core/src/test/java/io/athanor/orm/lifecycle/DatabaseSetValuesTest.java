package io.athanor.orm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.MappingException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Generated;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.PostUpdate;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.model.lifecycle.Ledger;
import io.athanor.orm.model.lifecycle.Ledger_;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Columns the database sets ({@code @Generated}): a generated column, a column a trigger (PostgreSQL) or
 * {@code ON UPDATE} (H2, MariaDB) keeps current, and a default, read back after inserts and updates: in the
 * same statement where the driver returns columns (PostgreSQL, H2), with one SELECT by key otherwise (MariaDB),
 * batches kept.
 */
class DatabaseSetValuesTest {

    private static SessionFactory fresh(Engine engine, DatabaseKind kind) {
        SessionFactory f = SessionFactory.builder(engine).entities(Ledger.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        List<String> ddl = switch (kind) {
            case POSTGRESQL -> List.of(
                    "ALTER TABLE ledgers DROP COLUMN total",
                    "ALTER TABLE ledgers ADD COLUMN total integer GENERATED ALWAYS AS (amount * quantity) STORED",
                    "CREATE OR REPLACE FUNCTION ledgers_touch() RETURNS trigger AS $$ BEGIN "
                            + "NEW.last_update := clock_timestamp(); RETURN NEW; END $$ LANGUAGE plpgsql",
                    "CREATE TRIGGER ledgers_touch BEFORE INSERT OR UPDATE ON ledgers FOR EACH ROW "
                            + "EXECUTE FUNCTION ledgers_touch()");
            case H2 -> List.of(
                    "ALTER TABLE ledgers DROP COLUMN total",
                    "ALTER TABLE ledgers ADD COLUMN total INTEGER GENERATED ALWAYS AS (amount * quantity)",
                    "ALTER TABLE ledgers ALTER COLUMN last_update SET DEFAULT LOCALTIMESTAMP",
                    "ALTER TABLE ledgers ALTER COLUMN last_update SET ON UPDATE LOCALTIMESTAMP");
            case MARIADB -> List.of(
                    "ALTER TABLE ledgers DROP COLUMN total, ADD COLUMN total INT AS (amount * quantity) STORED",
                    "ALTER TABLE ledgers MODIFY last_update DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) "
                            + "ON UPDATE CURRENT_TIMESTAMP(6)");
        };
        engine.runInTransaction(c -> {
            try (Statement st = c.jdbc().createStatement()) {
                for (String sql : ddl) {
                    st.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return f;
    }

    @DatabaseTest
    void insertsReadBackWhatTheDatabaseSetInTheSameStatementWhereItCan(Engine engine, DatabaseKind kind) {
        SessionFactory f = fresh(engine, kind);
        List<Ledger> added = List.of(new Ledger(3, 4), new Ledger(5, 6), new Ledger(7, 8));
        added.get(0).total = 999; // never written: the database computes it
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.addAll(added);
            s.flush();
            boolean returning = f.dialect().returnsInsertedColumns();
            assertThat(sql.sql()).hasSize(returning ? 1 : 2);
            assertThat(sql.sql().get(0)).startsWith("INSERT").doesNotContain("total").doesNotContain("last_update")
                    .doesNotContain("state");
            assertThat(sql.statements().get(0).batchSize()).isEqualTo(3);
            assertThat(added).extracting(l -> l.total).containsExactly(12, 30, 56);
            assertThat(added).extracting(l -> l.state).containsOnly("new");
            assertThat(added).allSatisfy(l -> assertThat(l.lastUpdate).isNotNull());
            sql.clear();
            s.flush();
            assertThat(sql.sql()).as("the values read back are the snapshot: nothing left to write").isEmpty();
            s.commit();
        }
        try (Session s = f.open()) {
            for (Ledger l : added) {
                Ledger stored = s.get(Ledger.class, l.id);
                assertThat(stored.total).isEqualTo(l.total);
                assertThat(stored.lastUpdate).isEqualTo(l.lastUpdate);
            }
        }
    }

    @DatabaseTest
    void updatesReadBackWhatTheTriggerAndTheGeneratedColumnSet(Engine engine, DatabaseKind kind) {
        SessionFactory f = fresh(engine, kind);
        f.runInTransaction(s -> s.addAll(List.of(new Ledger(2, 1), new Ledger(3, 1), new Ledger(4, 1))));
        LocalDateTime inserted;
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Ledger> all = s.select(Ledger.class).orderBy(Ledger_.id).list();
            inserted = all.get(0).lastUpdate;
            all.get(0).quantity = 10;
            all.get(1).quantity = 10;
            all.get(0).state = "changed"; // set at insert only: never written, and not read back
            sql.clear();
            s.flush();
            boolean returning = f.dialect().returnsUpdatedColumns();
            assertThat(sql.sql()).hasSize(returning ? 1 : 2);
            assertThat(sql.sql().get(0)).startsWith("UPDATE").doesNotContain("total").doesNotContain("last_update");
            assertThat(sql.statements().get(0).batchSize()).isEqualTo(2);
            assertThat(all).extracting(l -> l.total).containsExactly(20, 30, 4);
            assertThat(all.get(0).lastUpdate).isAfterOrEqualTo(inserted);
            s.commit();
            try (Session check = f.open()) {
                for (Ledger l : all.subList(0, 2)) {
                    Ledger stored = check.get(Ledger.class, l.id);
                    assertThat(stored.lastUpdate).isEqualTo(l.lastUpdate);
                    assertThat(stored.total).isEqualTo(l.total);
                    assertThat(stored.state).isEqualTo("new");
                }
            }
        }
    }

    @DatabaseTest
    void aFailedFlushPutsBackWhatAnUndoneUpdateReadBack(Engine engine, DatabaseKind kind) {
        SessionFactory f = fresh(engine, kind);
        Ledger kept = new Ledger(2, 2);
        f.runInTransaction(s -> s.add(kept));
        SessionFactory failing = SessionFactory.builder(engine).entities(Ledger.class).entityListener(new Object() {
            @PostUpdate
            void refuse(Ledger l) { // runs after the UPDATE and its read-back
                throw new IllegalStateException("refused after the update");
            }
        }).build();
        try (Session s = failing.open()) {
            Ledger l = s.get(Ledger.class, kept.id);
            l.quantity = 3;
            assertThatThrownBy(s::flush).isInstanceOf(IllegalStateException.class);
            assertThat(l.total).isEqualTo(4);
            s.rollback();
            assertThat(s.get(Ledger.class, kept.id).total).isEqualTo(4);
        }
    }

    @Entity
    static class GeneratedKey {
        @Id
        @GeneratedValue
        @Generated
        Long id;
    }

    @Test
    void aKeyCannotAlsoBeSetByTheDatabaseThisWay() {
        assertThatThrownBy(() -> MetadataBuilder.build(List.of(GeneratedKey.class), H2Dialect.INSTANCE))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(GeneratedKey.class.getName() + ".id is a key or @Version and cannot also be @Generated");
    }
}

package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.bulk.Clerk;
import io.athanor.orm.model.bulk.Ledger;
import io.athanor.orm.model.bulk.Town;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.RecordedStatement;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/**
 * Rows of a versioned entity that changed different columns are updated by one statement setting all of those
 * columns (unchanged ones with the value read, which the version check guarantees is still the row's); rows
 * of an entity without a version column get a statement per set of changed columns, so an unchanged column
 * is never written.
 */
class UpdateShapesTest {

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Town.class, Clerk.class, Ledger.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.inTransaction(s -> {
            for (long id = 1; id <= 3; id++) {
                s.add(new Ledger(id));
            }
            return null;
        });
        return f;
    }

    private static List<RecordedStatement> updates(SqlRecorder sql) {
        return sql.statements().stream().filter(st -> st.sql().startsWith("UPDATE")).toList();
    }

    @DatabaseTest
    void versionedRowsWithDifferentChangesShareOneStatement(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.get(Ledger.class, 1L).a = "A1";
            s.get(Ledger.class, 2L).b = "B2";
            Ledger third = s.get(Ledger.class, 3L);
            third.a = "A3";
            third.c = "C3";
            s.commit();
            assertThat(updates(sql)).singleElement().satisfies(st -> {
                assertThat(st.sql()).isEqualTo("UPDATE bulk_ledgers SET a = ?, b = ?, c = ?, version = ? WHERE id = ? AND version = ?");
                assertThat(st.batchSize()).isEqualTo(3);
            });
        }
        try (Session s = f.open()) {
            assertThat(s.select(Ledger.class).list()).extracting(l -> l.id + ":" + l.a + "," + l.b + "," + l.c + "@" + l.version)
                    .containsExactlyInAnyOrder("1:A1,b1,c1@1", "2:a2,B2,c2@1", "3:A3,b3,C3@1");
        }
    }

    @DatabaseTest
    void aColumnChangedMeanwhileByAnotherTransactionIsNotOverwritten(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open()) {
            Ledger first = s.get(Ledger.class, 1L);
            Ledger second = s.get(Ledger.class, 2L);
            s.commit(); // ends the read; the rows are read again by no one
            f.inTransaction(other -> {
                other.get(Ledger.class, 1L).b = "theirs";
                return null;
            });
            first.a = "mine";
            second.b = "mine";
            assertThatThrownBy(s::commit).isInstanceOf(StaleObjectException.class);
            s.rollback();
        }
        try (Session s = f.open()) {
            Ledger first = s.get(Ledger.class, 1L);
            assertThat(first.a + "," + first.b).isEqualTo("a1,theirs");
            assertThat(s.get(Ledger.class, 2L).b).isEqualTo("b2");
        }
    }

    @DatabaseTest
    void rowsWithoutAVersionColumnAreWrittenPerSetOfChangedColumns(Engine engine) {
        SessionFactory f = fresh(engine);
        f.inTransaction(s -> {
            Town t = new Town("Ghent");
            s.add(t);
            s.add(new Clerk("one", "c1", 1, t));
            s.add(new Clerk("two", "c2", 2, t));
            return null;
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Clerk> clerks = s.select(Clerk.class).list();
            clerks.get(0).setName("renamed");
            clerks.get(1).setSalary(20);
            s.commit();
            assertThat(updates(sql)).extracting(RecordedStatement::sql).containsExactlyInAnyOrder(
                    "UPDATE bulk_clerks SET name = ? WHERE id = ?", "UPDATE bulk_clerks SET salary = ? WHERE id = ?");
        }
    }
}

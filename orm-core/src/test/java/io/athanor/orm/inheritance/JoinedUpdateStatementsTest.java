package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.joined.Doc;
import io.athanor.orm.model.joined.Reminder;
import io.athanor.orm.test.DatabaseTest;
import java.util.Arrays;

/**
 * The UPDATE statements a joined hierarchy's flush keeps per table and set of changed columns: each table's own,
 * reused by later flushes and sessions, the version checked and moved on in the root's table whichever tables'
 * columns changed, and a concurrent change still refused when only a subclass table's column changed.
 */
class JoinedUpdateStatementsTest {

    private static long reminderId(SessionFactory f) {
        return f.inTransaction(s -> s.select(Doc.class).list().stream().filter(d -> d.getTitle().equals("c"))
                .findFirst().orElseThrow().getId());
    }

    private static Object row(SessionFactory f, long id) {
        return InheritanceFixture.rows(f, "SELECT d.version, d.title, i.total, r.level FROM jn_doc d "
                + "JOIN jn_invoice i ON i.doc_id = d.id JOIN jn_reminder r ON r.id = d.id WHERE d.id = " + id).get(0);
    }

    @DatabaseTest
    void eachTableOfTheRowWritesItsOwnColumnsAcrossFlushesAndSessionsWithTheVersionInTheRoot(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        long id = reminderId(f);
        for (int round = 1; round <= 2; round++) { // the second round reuses every statement the first one built
            int base = round * 10;
            f.runInTransaction(s -> s.get(Reminder.class, id).setLevel(base + 1));          // the third table only
            f.runInTransaction(s -> s.get(Reminder.class, id).setTotal(base + 2));          // the middle table only
            f.runInTransaction(s -> s.get(Reminder.class, id).setTitle("t" + (base + 3)));  // the root only
            f.runInTransaction(s -> {                                                        // all three in one flush
                Reminder r = s.get(Reminder.class, id);
                r.setLevel(base + 4);
                r.setTotal(base + 4);
                r.setTitle("t" + (base + 4));
                s.flush();
                r.setLevel(base + 5);                                                        // again in the same session
                s.flush();
            });
            assertThat(row(f, id)).as("round %d", round)
                    .isEqualTo(Arrays.asList((long) round * 5, "t" + (base + 4), (long) base + 4, (long) base + 5));
        }
    }

    @DatabaseTest
    void aChangeOfOnlyASubclassColumnIsStillRefusedWhenTheRowChangedMeanwhile(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        long id = reminderId(f);
        f.runInTransaction(s -> s.get(Reminder.class, id).setLevel(7)); // the statement is built and kept
        try (Session stale = f.open()) {
            Reminder mine = stale.get(Reminder.class, id);
            f.runInTransaction(s -> s.get(Reminder.class, id).setTitle("theirs"));
            mine.setLevel(8);
            assertThatThrownBy(stale::flush).isInstanceOf(StaleObjectException.class);
        }
        assertThat(row(f, id)).isEqualTo(Arrays.asList(2L, "theirs", 200L, 7L));
    }
}

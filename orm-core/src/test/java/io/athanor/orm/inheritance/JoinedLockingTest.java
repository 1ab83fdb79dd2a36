package io.athanor.orm.inheritance;

import static io.athanor.orm.query.Loads.joinedLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.joined.Doc;
import io.athanor.orm.model.joined.Doc_;
import io.athanor.orm.model.joined.Folder;
import io.athanor.orm.model.joined.Folder_;
import io.athanor.orm.model.joined.Invoice;
import io.athanor.orm.model.joined.Invoice_;
import io.athanor.orm.model.joined.Reminder;
import io.athanor.orm.query.RowLocks;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Locking reads ({@code forUpdate()} and its variants) of a joined hierarchy and with joined loads: PostgreSQL
 * refuses {@code FOR UPDATE} on an outer-joined table, so there the statement locks the rows of the tables it reads
 * without an outer join (the entity's own and its ancestors' tables inside the hierarchy's derived table, {@code FOR
 * UPDATE OF} the others). MariaDB and H2 leave the rows of a derived table unlocked by a locking clause outside it, so
 * the hierarchy's rows are locked inside there too. Each test checks the lock is held by asking for it again from a
 * second session, which fails with NOWAIT or passes the row over with SKIP LOCKED.
 */
class JoinedLockingTest {

    private static String lower(String sql) {
        return sql.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
    }

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        return f;
    }

    /** Whether another transaction can lock document {@code title}'s row of the root table at once. */
    private static boolean lockable(SessionFactory f, String title) {
        return RowLocks.lockableNow(f, "SELECT id FROM jn_doc WHERE title = :t", Map.of("t", title));
    }

    @DatabaseTest
    void aQueryOfTheRootLocksEveryRowItReads(Engine engine, DatabaseKind kind) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Doc> docs = s.select(Doc.class).orderBy(Doc_.title).forUpdate().list();
            assertThat(docs).extracting(Doc::describe).containsExactly("Note:a:hello", "Invoice:b:I-1:100",
                    "Reminder:c:I-2:200:2");
            if (kind == DatabaseKind.POSTGRESQL) {
                assertThat(lower(sql.sql().get(0))).contains("left outer join jn_reminder", "for update of t0)")
                        .doesNotEndWith("for update");
            }
            assertThat(lockable(f, "a")).as("the note's row is locked").isFalse();
            assertThat(lockable(f, "c")).as("the reminder's row is locked").isFalse();
            s.rollback();
        }
        assertThat(lockable(f, "a")).as("released by the rollback").isTrue();
    }

    @DatabaseTest
    void aQueryOfASubclassLocksItsOwnAndItsAncestorsRows(Engine engine, DatabaseKind kind) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Invoice> invoices = s.select(Invoice.class).where(Invoice_.total.gt(150L)).forUpdateNoWait().list();
            assertThat(invoices).extracting(Doc::describe).containsExactly("Reminder:c:I-2:200:2");
            if (kind == DatabaseKind.POSTGRESQL) {
                assertThat(lower(sql.sql().get(0))).containsPattern("for update of t0, t\\d nowait\\)");
            }
            assertThat(lockable(f, "c")).isFalse();
            if (kind == DatabaseKind.POSTGRESQL) {
                // MariaDB's repeatable read also locks the rows a scan passed over
                assertThat(lockable(f, "b")).as("a row the condition left out is not locked").isTrue();
            }
            s.rollback();
        }
    }

    @DatabaseTest
    void skipLockedPassesOverARowAnotherTransactionLocked(Engine engine, DatabaseKind kind) {
        if (kind == DatabaseKind.H2) {
            return; // no SKIP LOCKED (refused with a clear error, see QueryExecutionTest)
        }
        SessionFactory f = seeded(engine);
        try (Session holder = f.open()) {
            assertThat(holder.select(Reminder.class).forUpdate().list()).hasSize(1);
            try (Session s = f.open()) {
                assertThat(s.select(Doc.class).orderBy(Doc_.title).forUpdateSkipLocked().list()).extracting(Doc::getTitle)
                        .containsExactly("a", "b");
                s.rollback();
            }
            holder.rollback();
        }
    }

    @DatabaseTest
    void joinedLoadsAndJoinsLockTheSelectedRows(Engine engine, DatabaseKind kind) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Folder inbox = s.select(Folder.class).options(joinedLoad(Folder_.docs)).forUpdate().one();
            assertThat(inbox.getDocs()).extracting(Doc::getTitle).containsExactly("a", "b", "c");
            if (kind == DatabaseKind.POSTGRESQL) {
                assertThat(lower(sql.sql().get(0))).containsPattern("for update of jn_folder$")
                        .as("the documents joined for loading are read unlocked").doesNotContain("for update of t0");
            }
            Folder limited = s.select(Folder.class).options(joinedLoad(Folder_.docs)).limit(1).forUpdateNoWait().one();
            assertThat(limited).as("the keys-first form of a limited joined load locks too").isSameAs(inbox);
            List<Doc> inInbox = s.select(Doc.class).join(Doc_.folder).where(Folder_.name.eq("inbox")).forUpdate().list();
            assertThat(inInbox).hasSize(3);
            if (kind == DatabaseKind.POSTGRESQL) {
                assertThat(lower(sql.sql().get(1))).endsWith("for update of jn_folder nowait");
                assertThat(lower(sql.sql().get(2))).contains("for update of t0)").endsWith("for update of jn_folder");
            }
            assertThat(lockable(f, "b")).isFalse();
            s.rollback();
        }
    }
}

package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.joined.Doc;
import io.athanor.orm.model.joined.Doc_;
import io.athanor.orm.model.joined.Folder;
import io.athanor.orm.model.joined.Invoice;
import io.athanor.orm.model.joined.Invoice_;
import io.athanor.orm.model.joined.Note;
import io.athanor.orm.model.joined.Reminder;
import io.athanor.orm.model.joined.Reminder_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joined-table inheritance: a table per class keyed by the root's id (DDL), polymorphic reads and reads of a
 * subclass, get by id, and the flush writing each table (generated ids, versions, changed tables only, deletes
 * children first, rollback of a failed flush).
 */
class JoinedInheritanceTest {

    private static List<String> described(List<? extends Doc> docs) {
        return docs.stream().map(Doc::describe).toList();
    }

    private static String lower(String sql) {
        return sql.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
    }

    private static String statementFor(List<String> statements, String start) {
        return statements.stream().map(JoinedInheritanceTest::lower).filter(x -> x.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement starting '" + start + "' in " + statements));
    }

    @DatabaseTest
    void eachClassHasItsOwnTableKeyedByTheRootsIdAndReferringToItsParentsTable(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        List<String> create = f.schema().createStatements();
        String doc = statementFor(create, "create table if not exists jn_doc ");
        assertThat(doc).contains("id ", "version ", "title ", "folder_id ").doesNotContain("body", "number", "level");
        String note = statementFor(create, "create table if not exists jn_note ");
        assertThat(note).contains("id bigint", "body ", "primary key (id)", "foreign key (id) references jn_doc (id)")
                .doesNotContain("title", "identity", "auto_increment");
        String invoice = statementFor(create, "create table if not exists jn_invoice ");
        assertThat(invoice).contains("doc_id bigint", "number ", "total ", "primary key (doc_id)",
                "foreign key (doc_id) references jn_doc (id)", "unique (number)").doesNotContain("title");
        String reminder = statementFor(create, "create table if not exists jn_reminder ");
        assertThat(reminder).contains("id bigint", "level ", "primary key (id)", "foreign key (id) references jn_invoice (doc_id)");
        assertThat(statementFor(create, "create table if not exists jn_settlement "))
                .contains("foreign key (invoice_id) references jn_invoice (doc_id)");
        List<String> creates = create.stream().map(JoinedInheritanceTest::lower).filter(x -> x.startsWith("create table"))
                .map(x -> x.split(" ")[5]).toList();
        assertThat(creates.indexOf("jn_doc")).isLessThan(creates.indexOf("jn_invoice"));
        assertThat(creates.indexOf("jn_invoice")).isLessThan(creates.indexOf("jn_reminder"));
        assertThat(creates.indexOf("jn_invoice")).isLessThan(creates.indexOf("jn_settlement"));
        List<String> drops = f.schema().dropStatements().stream().map(JoinedInheritanceTest::lower)
                .filter(x -> x.startsWith("drop table")).map(x -> x.split(" ")[4]).toList();
        assertThat(drops.indexOf("jn_reminder")).isLessThan(drops.indexOf("jn_invoice"));
        assertThat(drops.indexOf("jn_invoice")).isLessThan(drops.indexOf("jn_doc"));
        f.schema().dropAll();
        f.schema().create(io.athanor.orm.model.joined.Folder.class, Reminder.class);
        f.runInTransaction(s -> s.add(new Reminder("only", null, "I-9", 9, 1)));
        assertThat(InheritanceFixture.rows(f, "SELECT d.title, i.number, r.level FROM jn_doc d JOIN jn_invoice i ON "
                + "i.doc_id = d.id JOIN jn_reminder r ON r.id = d.id")).as("creating a subclass creates its ancestors' tables")
                .containsExactly(Arrays.asList("only", "I-9", 1L));
        f.schema().dropAll();
    }

    @DatabaseTest
    void aNewInstanceIsInsertedIntoEachTableOfItsClassesWithTheGeneratedKey(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        assertThat(InheritanceFixture.rows(f, "SELECT title, version FROM jn_doc ORDER BY title")).containsExactly(
                Arrays.asList("a", 0L), Arrays.asList("b", 0L), Arrays.asList("c", 0L));
        assertThat(InheritanceFixture.rows(f, "SELECT d.title, n.body FROM jn_note n JOIN jn_doc d ON d.id = n.id"))
                .containsExactly(Arrays.asList("a", "hello"));
        assertThat(InheritanceFixture.rows(f, "SELECT d.title, i.number, i.total FROM jn_invoice i JOIN jn_doc d "
                + "ON d.id = i.doc_id ORDER BY d.title")).containsExactly(Arrays.asList("b", "I-1", 100L),
                Arrays.asList("c", "I-2", 200L));
        assertThat(InheritanceFixture.rows(f, "SELECT d.title, r.level FROM jn_reminder r JOIN jn_doc d ON d.id = r.id"))
                .containsExactly(Arrays.asList("c", 2L));
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.begin();
            Reminder r = new Reminder("d", null, "I-3", 300, 1);
            Reminder r2 = new Reminder("e", null, "I-4", 400, 3);
            s.add(r);
            s.add(r2);
            s.flush();
            assertThat(r.getId()).isNotNull();
            assertThat(r2.getId()).isNotNull().isNotEqualTo(r.getId());
            List<String> inserts = sql.sql().stream().map(JoinedInheritanceTest::lower).filter(x -> x.startsWith("insert"))
                    .map(x -> x.substring(0, x.indexOf('('))).toList();
            assertThat(inserts).as("one batch per table, the root's first")
                    .containsExactly("insert into jn_doc ", "insert into jn_invoice ", "insert into jn_reminder ");
            s.commit();
        }
        assertThat(InheritanceFixture.rows(f, "SELECT d.title, i.number, r.level FROM jn_doc d JOIN jn_invoice i ON "
                + "i.doc_id = d.id JOIN jn_reminder r ON r.id = d.id WHERE d.title IN ('d', 'e') ORDER BY d.title"))
                .containsExactly(Arrays.asList("d", "I-3", 1L), Arrays.asList("e", "I-4", 3L));
    }

    @DatabaseTest
    void aQueryOfTheRootReturnsEachRowAsItsSubclassInOneStatement(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Doc> all = s.select(Doc.class).orderBy(Doc_.title).list();
            assertThat(described(all)).containsExactly("Note:a:hello", "Invoice:b:I-1:100", "Reminder:c:I-2:200:2");
            assertThat(all.get(0)).isExactlyInstanceOf(Note.class);
            assertThat(all.get(1)).isExactlyInstanceOf(Invoice.class);
            assertThat(all.get(2)).isExactlyInstanceOf(Reminder.class);
            assertThat(sql.count()).isEqualTo(1);
            assertThat(lower(sql.sql().get(0))).contains("left outer join jn_note", "left outer join jn_invoice",
                    "left outer join jn_reminder");
        }
    }

    @DatabaseTest
    void aQueryOfASubclassJoinsItsAncestorsTablesAndFiltersOnInheritedAndOwnFields(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThat(described(s.select(Invoice.class).orderBy(Invoice_.total.desc()).list()))
                    .containsExactly("Reminder:c:I-2:200:2", "Invoice:b:I-1:100");
            assertThat(lower(sql.sql().get(0))).contains("from jn_doc t0 join jn_invoice t", "left outer join jn_reminder")
                    .doesNotContain("jn_note");
            assertThat(described(s.select(Invoice.class).where(Invoice_.title.eq("b")).list()))
                    .containsExactly("Invoice:b:I-1:100");
            assertThat(described(s.select(Invoice.class).where(Invoice_.total.gt(150L)).list()))
                    .containsExactly("Reminder:c:I-2:200:2");
            assertThat(described(s.select(Reminder.class).where(Reminder_.level.eq(2).and(Reminder_.title.eq("c"))).list()))
                    .containsExactly("Reminder:c:I-2:200:2");
            assertThat(s.select(Note.class).list()).hasSize(1);
            assertThat(described(s.select(Doc.class).where(Invoice_.number.eq("I-1")).list()))
                    .as("a subclass's field in a query of the root").containsExactly("Invoice:b:I-1:100");
            assertThat(s.select(Invoice.class).where(Invoice_.title.eq("a")).list()).as("a note is no invoice").isEmpty();
        }
    }

    @DatabaseTest
    void getByIdOfTheRootOrASubclassBuildsTheRowsClassKeyedByTheRoot(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        Map<String, Long> ids = ids(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Doc c = s.get(Doc.class, ids.get("c"));
            assertThat(c).isExactlyInstanceOf(Reminder.class);
            assertThat(c.describe()).isEqualTo("Reminder:c:I-2:200:2");
            assertThat(s.get(Invoice.class, ids.get("c"))).isSameAs(c);
            assertThat(s.get(Reminder.class, ids.get("c"))).isSameAs(c);
            assertThat(sql.count()).as("the identity map answers the later gets").isEqualTo(1);
            assertThat(s.get(Reminder.class, ids.get("b"))).as("an invoice is no reminder").isNull();
            assertThat(s.get(Note.class, ids.get("b"))).isNull();
            Invoice b = s.get(Invoice.class, ids.get("b"));
            assertThat(b).isExactlyInstanceOf(Invoice.class);
            assertThat(s.get(Doc.class, ids.get("b"))).isSameAs(b);
        }
    }

    private static Map<String, Long> ids(SessionFactory f) {
        Map<String, Long> ids = new java.util.HashMap<>();
        InheritanceFixture.rows(f, "SELECT title, id FROM jn_doc").forEach(r -> ids.put((String) r.get(0), (Long) r.get(1)));
        return ids;
    }

    @DatabaseTest
    void anUpdateWritesOnlyTheTablesWhoseColumnsChangedAndMovesTheVersionInTheRootsTable(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        Map<String, Long> ids = ids(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.begin();
            Reminder c = s.get(Reminder.class, ids.get("c"));
            sql.clear();
            c.setLevel(3);
            s.flush();
            List<String> updates = sql.sql().stream().map(JoinedInheritanceTest::lower).filter(x -> x.startsWith("update")).toList();
            assertThat(updates).hasSize(2);
            assertThat(updates.get(0)).startsWith("update jn_doc set version = ? where id = ? and version = ?");
            assertThat(updates.get(1)).startsWith("update jn_reminder set level = ? where id = ?");
            assertThat(c.getVersion()).isEqualTo(1);
            sql.clear();
            c.setTitle("c2");
            s.flush();
            assertThat(sql.sql().stream().map(JoinedInheritanceTest::lower).filter(x -> x.startsWith("update")).toList())
                    .containsExactly("update jn_doc set title = ?, version = ? where id = ? and version = ?");
            sql.clear();
            c.setTotal(250);
            c.setLevel(4);
            s.flush();
            assertThat(sql.sql().stream().map(JoinedInheritanceTest::lower).filter(x -> x.startsWith("update")).toList())
                    .containsExactly("update jn_doc set version = ? where id = ? and version = ?",
                            "update jn_invoice set total = ? where doc_id = ?", "update jn_reminder set level = ? where id = ?");
            assertThat(c.getVersion()).isEqualTo(3);
            s.commit();
        }
        assertThat(InheritanceFixture.rows(f, "SELECT d.title, d.version, i.total, r.level FROM jn_doc d JOIN jn_invoice i "
                + "ON i.doc_id = d.id JOIN jn_reminder r ON r.id = d.id")).containsExactly(Arrays.asList("c2", 3L, 250L, 4L));
    }

    @DatabaseTest
    void aStaleVersionFailsTheUpdateOfASubclassColumnAndLeavesItsTableAlone(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        Map<String, Long> ids = ids(f);
        try (Session s = f.open()) {
            s.begin();
            Invoice b = s.get(Invoice.class, ids.get("b"));
            f.runInTransaction(other -> other.get(Invoice.class, ids.get("b")).setTitle("changed elsewhere"));
            b.setTotal(999);
            assertThatThrownBy(s::flush).isInstanceOf(io.athanor.orm.StaleObjectException.class);
            s.rollback();
        }
        assertThat(InheritanceFixture.rows(f, "SELECT total FROM jn_invoice WHERE doc_id = " + ids.get("b")))
                .containsExactly(List.of(100L));
    }

    @DatabaseTest
    void aDeleteRemovesTheSubclassesRowsFirstThenTheRoots(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        Map<String, Long> ids = ids(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.begin();
            s.delete(s.get(Doc.class, ids.get("c")));
            s.delete(s.get(Doc.class, ids.get("a")));
            sql.clear();
            s.commit();
            List<String> deletes = sql.sql().stream().map(JoinedInheritanceTest::lower).filter(x -> x.startsWith("delete"))
                    .map(x -> x.substring(0, x.indexOf(" where"))).toList();
            assertThat(deletes.indexOf("delete from jn_reminder")).isLessThan(deletes.indexOf("delete from jn_invoice"));
            assertThat(deletes.indexOf("delete from jn_invoice")).isLessThan(deletes.lastIndexOf("delete from jn_doc"));
            assertThat(deletes.indexOf("delete from jn_note")).isLessThan(deletes.lastIndexOf("delete from jn_doc"));
        }
        assertThat(InheritanceFixture.rows(f, "SELECT title FROM jn_doc")).containsExactly(List.of("b"));
        assertThat(InheritanceFixture.rows(f, "SELECT count(*) FROM jn_reminder")).containsExactly(List.of(0L));
        assertThat(InheritanceFixture.rows(f, "SELECT count(*) FROM jn_note")).containsExactly(List.of(0L));
        assertThat(InheritanceFixture.rows(f, "SELECT count(*) FROM jn_invoice")).containsExactly(List.of(1L));
    }

    @DatabaseTest
    void foreignKeysBetweenEntitiesAndWithinTheHierarchyOrderTheFlush(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        Long[] ids = new Long[2];
        f.runInTransaction(s -> {
            Reminder reminder = new Reminder("r", null, "I-7", 70, 1);
            Invoice invoice = new Invoice("i", new Folder("new"), "I-6", 60);
            reminder.setAbout(invoice); // a row of the same hierarchy, inserted by the same flush
            s.add(reminder);
            s.add(invoice.getFolder());
            s.add(invoice);
            s.add(new io.athanor.orm.model.joined.Settlement(5, reminder));
            s.flush();
            ids[0] = invoice.getId();
            ids[1] = reminder.getId();
        });
        assertThat(InheritanceFixture.rows(f, "SELECT about_id FROM jn_reminder")).containsExactly(List.of(ids[0]));
        try (Session s = f.open()) {
            Reminder reminder = s.get(Reminder.class, ids[1]);
            assertThat(reminder.getAbout()).isExactlyInstanceOf(Invoice.class);
            assertThat(reminder.getAbout().getFolder().getName()).isEqualTo("new");
        }
        f.runInTransaction(s -> {
            s.select(io.athanor.orm.model.joined.Settlement.class).list().forEach(s::delete);
            s.delete(s.get(Doc.class, ids[0]));
            s.delete(s.get(Doc.class, ids[1]));
        });
        assertThat(InheritanceFixture.rows(f, "SELECT count(*) FROM jn_doc")).containsExactly(List.of(0L));
    }

    @DatabaseTest
    void aFailureInASubclassTableRollsTheWholeFlushBackLeavingNoRootRow(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        try (Session s = f.open()) {
            s.begin();
            Folder other = new Folder("other");
            s.add(other);
            s.add(new Note("fine", other, "ok"));
            s.add(new Invoice("duplicate", other, "I-1", 5)); // jn_invoice.number is unique: its INSERT fails
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class);
            s.rollback();
        }
        assertThat(InheritanceFixture.rows(f, "SELECT title FROM jn_doc ORDER BY title"))
                .containsExactly(List.of("a"), List.of("b"), List.of("c"));
        assertThat(InheritanceFixture.rows(f, "SELECT count(*) FROM jn_folder")).containsExactly(List.of(1L));
        assertThat(InheritanceFixture.rows(f, "SELECT count(*) FROM jn_note")).containsExactly(List.of(1L));
        try (Session s = f.open()) {
            s.begin();
            s.add(new Note("no body", null, null)); // jn_note.body is NOT NULL
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class);
            s.rollback();
            assertThat(s.select(Doc.class).list()).as("the session is usable after the rollback").hasSize(3);
        }
        assertThat(InheritanceFixture.rows(f, "SELECT count(*) FROM jn_doc")).containsExactly(List.of(3L));
    }

    @DatabaseTest
    void aRowOfTheAbstractRootInNoSubclassTableIsReportedNamingTheFix(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        f.runInTransaction(s -> s.execute(io.athanor.orm.engine.Text.text("INSERT INTO jn_doc (title, version) "
                + "VALUES ('orphan', 0)"), Map.of()));
        try (Session s = f.open()) {
            assertThatThrownBy(() -> s.select(Doc.class).list()).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("A row of table jn_doc has a row in no table of a concrete class of the joined "
                            + "hierarchy of Doc", "[Invoice, Note, Reminder]", "Add its row to the table of its class");
        }
    }

    @DatabaseTest
    void bulkStatementsAndBulkInsertsOfAJoinedEntityAreRefusedNamingWhatToDo(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        try (Session s = f.open()) {
            s.begin();
            assertThatThrownBy(() -> s.update(Invoice.class).set(Invoice_.total, 1L).execute())
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("cannot address Invoice", "several tables (joined inheritance)", "through a session");
            assertThatThrownBy(() -> s.delete(Doc.class).where(Doc_.title.eq("a")).execute())
                    .isInstanceOf(AthanorException.class).hasMessageContaining("cannot address Doc");
            assertThatThrownBy(() -> s.bulkInsertMappings(Note.class, List.of(Map.of("title", "x", "body", "y")),
                    BulkMode.BATCH)).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("Bulk inserts and updates of mappings", "cannot address Note");
            s.rollback();
        }
        assertThat(InheritanceFixture.rows(f, "SELECT count(*) FROM jn_doc")).containsExactly(List.of(3L));
    }
}

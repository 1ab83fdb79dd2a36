package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.PostPersist;
import io.athanor.orm.annotations.PostRemove;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.joined.Doc;
import io.athanor.orm.model.joined.Folder;
import io.athanor.orm.model.joined.Invoice;
import io.athanor.orm.model.joined.Note;
import io.athanor.orm.model.joined.Reminder;
import io.athanor.orm.model.joined.Settlement;
import io.athanor.orm.model.joined.Tag;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The flush of a joined hierarchy's instances where the classes of one hierarchy meet: a reference of the root
 * whose row is a subclass's, callbacks of one class among new and deleted instances of several, and link rows
 * that refer to a subclass's row through the root.
 */
class JoinedFlushTest {

    private static SessionFactory factory(Engine engine, Object... listeners) {
        var builder = SessionFactory.builder(engine)
                .entities(Folder.class, Doc.class, Note.class, Invoice.class, Reminder.class, Settlement.class, Tag.class);
        for (Object l : listeners) {
            builder.entityListener(l);
        }
        SessionFactory f = builder.build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static long idOf(SessionFactory f, String title) {
        return f.inTransaction(s -> s.select(Doc.class).list().stream().filter(d -> d.getTitle().equals(title))
                .findFirst().orElseThrow().getId());
    }

    @DatabaseTest
    void aReferenceOfTheRootReadAndCommittedLeavesItsRowAndVersionAlone(Engine engine) {
        SessionFactory f = factory(engine);
        JoinedFixture.seed(f);
        long invoice = idOf(f, "b");
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.begin();
            Doc ref = s.getReference(Doc.class, invoice);
            assertThat(ref.getTitle()).isEqualTo("b");
            s.commit();
            assertThat(sql.sql()).as("reading a reference changes nothing")
                    .noneMatch(x -> x.toLowerCase(Locale.ROOT).startsWith("update"));
        }
        assertThat(InheritanceFixture.rows(f, "SELECT d.version, i.number FROM jn_doc d JOIN jn_invoice i ON i.doc_id = d.id "
                + "WHERE d.id = " + invoice)).containsExactly(Arrays.asList(0L, "I-1"));
    }

    /** Notes the new and deleted invoices it is told of (the listener's methods accept invoices only). */
    static final class InvoiceTrail {
        final List<String> seen = new ArrayList<>();

        @PostPersist
        void inserted(Invoice invoice) {
            seen.add("PostPersist " + invoice.getNumber());
        }

        @PostRemove
        void removed(Invoice invoice) {
            seen.add("PostRemove " + invoice.getNumber());
        }
    }

    @DatabaseTest
    void theCallbacksOfOneClassRunWhenAnotherClassOfItsHierarchyIsWrittenInTheSameFlush(Engine engine) {
        InvoiceTrail trail = new InvoiceTrail();
        SessionFactory f = factory(engine, trail);
        try (Session s = f.open()) {
            s.begin();
            Note note = new Note("n", null, "body");
            Invoice invoice = new Invoice("i", null, "I-7", 7);
            s.add(note);
            s.add(invoice);
            s.flush();
            assertThat(trail.seen).containsExactly("PostPersist I-7");
            s.delete(note);
            s.delete(invoice);
            s.flush();
            assertThat(trail.seen).containsExactly("PostPersist I-7", "PostRemove I-7");
            s.commit();
        }
    }

    @DatabaseTest
    void deletingASubclassInstanceDeletesTheLinkRowsThatReferToItThroughTheRoot(Engine engine) {
        SessionFactory f = factory(engine);
        JoinedFixture.seed(f);
        f.runInTransaction(s -> {
            Tag tag = new Tag("paid");
            s.add(tag);
            s.select(Doc.class).list().forEach(tag.getDocs()::add);
        });
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM jn_tag_doc")).containsExactly(List.of(3L));
        long reminder = idOf(f, "c");
        f.runInTransaction(s -> {
            Tag tag = s.select(Tag.class).one();
            assertThat(tag.getDocs()).hasSize(3);
            Reminder gone = s.get(Reminder.class, reminder);
            s.delete(gone);
            s.flush();
            assertThat(tag.getDocs()).as("a deleted document leaves the loaded collections of its root").doesNotContain(gone)
                    .hasSize(2);
        });
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM jn_tag_doc")).containsExactly(List.of(2L));
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM jn_doc")).containsExactly(List.of(2L));
    }

    @DatabaseTest
    void aReferenceOfTheRootDeletesItsRowFromEveryTableOfTheRowsClass(Engine engine) {
        SessionFactory f = factory(engine);
        JoinedFixture.seed(f);
        long reminder = idOf(f, "c");
        f.runInTransaction(s -> s.delete(s.getReference(Doc.class, reminder)));
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM jn_doc WHERE id = " + reminder)).containsExactly(List.of(0L));
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM jn_reminder")).containsExactly(List.of(0L));
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM jn_invoice")).containsExactly(List.of(1L));
    }

    @DatabaseTest
    void aFailureInASubclassTableInsideASavepointIsUndoneByItsRollback(Engine engine) {
        SessionFactory f = factory(engine);
        JoinedFixture.seed(f);
        long reminderId = idOf(f, "c");
        try (Session s = f.open()) {
            s.begin();
            Reminder c = s.get(Reminder.class, reminderId);
            c.setLevel(5);
            io.athanor.orm.engine.Savepoint sp = s.beginNested();
            c.setTitle("inside");
            c.setNumber("I-1"); // taken by invoice b: the UPDATE of jn_invoice fails after that of jn_doc
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class);
            sp.rollback();
            assertThat(c.getTitle()).isEqualTo("c");
            assertThat(c.getNumber()).isEqualTo("I-2");
            assertThat(c.getVersion()).as("the version the row holds at the savepoint").isEqualTo(1);
            sp = s.beginNested();
            Invoice added = new Invoice("added", null, "I-1", 1); // its INSERT into jn_invoice fails after the root's
            s.add(added);
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class);
            sp.rollback();
            assertThat(added.getId()).isNull();
            assertThat(s.contains(added)).isFalse();
            c.setTotal(201);
            s.commit();
        }
        assertThat(InheritanceFixture.rows(f, "SELECT d.title, d.version, i.number, i.total, r.level FROM jn_doc d "
                + "JOIN jn_invoice i ON i.doc_id = d.id JOIN jn_reminder r ON r.id = d.id"))
                .containsExactly(Arrays.asList("c", 2L, "I-2", 201L, 5L));
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM jn_doc")).containsExactly(List.of(3L));
    }

    @DatabaseTest
    void deletingAFolderClearsTheFolderOfItsDocumentsOfEveryClass(Engine engine) {
        SessionFactory f = factory(engine);
        JoinedFixture.seed(f);
        f.runInTransaction(s -> s.delete(s.select(Folder.class).one()));
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*), COUNT(folder_id) FROM jn_doc")).containsExactly(List.of(3L, 0L));
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM jn_folder")).containsExactly(List.of(0L));
    }
}

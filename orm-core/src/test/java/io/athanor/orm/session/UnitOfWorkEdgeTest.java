package io.athanor.orm.session;

import static io.athanor.orm.query.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.model.types.AllTypes;
import io.athanor.orm.model.uow.Author;
import io.athanor.orm.model.uow.Author_;
import io.athanor.orm.model.uow.Book;
import io.athanor.orm.model.uow.Memo;
import io.athanor.orm.model.uow.Node;
import io.athanor.orm.model.uow.Node_;
import io.athanor.orm.model.uow.Token;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.util.List;
import java.util.Map;

/** Unit-of-work cases that once went wrong. */
class UnitOfWorkEdgeTest {

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class, Node.class, Token.class, Memo.class)
                .build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static long books(SessionFactory f) {
        try (Session s = f.open()) {
            return s.select(count()).from(Book.class).scalar(Long.class);
        }
    }

    @DatabaseTest
    void deletingParentAndChildOfOneTableGoesChildFirst(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> {
            Node root = new Node("root", null);
            s.add(root);
            s.add(new Node("child", root));
        });
        try (Session s = f.open()) {
            Node root = s.select(Node.class).where(Node_.label.eq("root")).one();
            Node child = s.select(Node.class).where(Node_.label.eq("child")).one();
            s.delete(root);
            s.delete(child);
            s.commit();
            assertThat(s.select(Node.class).count()).isZero();
        }
    }

    @DatabaseTest
    void mergingAStaleCopyIsRefused(Engine engine) {
        SessionFactory f = fresh(engine);
        Author detached = new Author("v0");
        f.runInTransaction(s -> s.add(detached));
        f.runInTransaction(s -> s.get(Author.class, detached.id).name = "v1 elsewhere");
        detached.name = "mine";
        assertThatThrownBy(() -> f.runInTransaction(s -> s.merge(detached))).isInstanceOf(StaleObjectException.class)
                .hasMessageContaining("changed by someone else");
        try (Session s = f.open()) {
            assertThat(s.select(Author_.name).scalar(String.class)).isEqualTo("v1 elsewhere");
        }
    }

    @DatabaseTest
    void aNullBoxedVersionStartsAtZero(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open()) {
            Memo m = new Memo("first");
            s.add(m);
            s.flush();
            assertThat(m.version).isZero();
            m.text = "second";
            s.flush();
            assertThat(m.version).isEqualTo(1);
            s.commit();
        }
    }

    @DatabaseTest
    void childrenAttachedAfterAddAreSavedAtFlush(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open()) {
            Author a = new Author("late");
            s.add(a);
            a.write("attached later");
            s.commit();
        }
        assertThat(books(f)).isEqualTo(1);
        try (Session s = f.open()) {
            Author a = s.select(Author.class).one();
            a.books.add(new Book("to a loaded parent", a));
            s.commit();
        }
        assertThat(books(f)).isEqualTo(2);
    }

    @DatabaseTest
    void undoingADeleteRestoresItsCascadeAndDeletingANewParentForgetsItsChildren(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> {
            Author grace = new Author("grace");
            grace.write("COBOL");
            s.add(grace);
        });
        try (Session s = f.open()) {
            Author grace = s.select(Author.class).one();
            grace.books.addAll(s.select(Book.class).list());
            s.delete(grace);
            s.add(grace);
            s.commit();
        }
        assertThat(books(f)).isEqualTo(1);
        try (Session s = f.open()) {
            Author never = new Author("never");
            never.write("orphan");
            s.add(never);
            s.delete(never);
            s.commit();
            assertThat(s.select(Author.class).count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void rawSqlAndBulkOperationsAutoflushFirst(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class, Node.class, Token.class, Memo.class)
                .autoflush(true).build();
        f.schema().dropAll();
        f.schema().createAll();
        try (Session s = f.open()) {
            s.add(new Author("pending"));
            assertThat(s.execute(Text.text("select count(*) from author"), Map.of()).scalar(Long.class)).isEqualTo(1L);
            s.rollback();
        }
    }

    @DatabaseTest
    void refreshRefusesADeletedEntity(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> s.add(new Author("kept")));
        try (Session s = f.open()) {
            Author a = s.select(Author.class).one();
            s.delete(a);
            assertThatThrownBy(() -> s.refresh(a)).hasMessageContaining("has not deleted");
            s.rollback();
        }
    }

    @DatabaseTest
    void sequencesStartOverAfterTheSchemaIsCreatedAgain(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> s.add(new Node("a", null)));
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            for (int i = 0; i < 15; i++) {
                s.add(new Node("n" + i, null));
            }
        });
        try (Session s = f.open()) {
            assertThat(s.select(Node.class).count()).isEqualTo(15);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void copyWritesConvertedFieldsThroughTheirConverter(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(AllTypes.class).build();
        f.schema().createAll();
        try (Session s = f.open()) {
            Map<String, Object> row = new java.util.HashMap<>(Map.of("id", 1, "flag", true, "tiny", (byte) 1, "small", (short) 1,
                    "number", 1, "big", 1L, "real", 1f, "dbl", 1d, "letter", 'x'));
            row.put("point", new io.athanor.orm.model.types.Point(1, 2));
            assertThat(s.bulkInsertMappings(AllTypes.class, List.of(row), BulkMode.COPY)).isEqualTo(1);
            s.commit();
            assertThat(s.get(AllTypes.class, 1).point).isEqualTo(new io.athanor.orm.model.types.Point(1, 2));
        } finally {
            f.schema().dropAll();
        }
    }

    @DatabaseTest(DatabaseKind.MARIADB)
    void staleRowsAreFoundEvenWhenTheDriverReportsNoCounts(TestDatabase db) {
        Engine bulk = db.newEngine(b -> b.poolSize(2).maxOverflow(0).connectionProperty("useBulkStmts", "true"));
        SessionFactory f = fresh(bulk);
        f.runInTransaction(s -> {
            s.add(new Author("one"));
            s.add(new Author("two"));
        });
        try (Session first = f.open()) {
            List<Author> both = first.select(Author.class).list();
            f.runInTransaction(other -> other.select(Author.class).where(Author_.name.eq("two")).one().name = "changed");
            both.forEach(a -> a.name = a.name + "!");
            assertThatThrownBy(first::commit).isInstanceOf(StaleObjectException.class);
            first.rollback();
        }
    }
}

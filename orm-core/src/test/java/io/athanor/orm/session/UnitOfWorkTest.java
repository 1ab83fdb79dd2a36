package io.athanor.orm.session;

import static io.athanor.orm.query.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.model.uow.Author;
import io.athanor.orm.model.uow.Author_;
import io.athanor.orm.model.uow.Book;
import io.athanor.orm.model.uow.Book_;
import io.athanor.orm.model.uow.Node;
import io.athanor.orm.model.uow.Node_;
import io.athanor.orm.model.uow.Token;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.RecordedStatement;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The unit of work on PostgreSQL, MariaDB and H2: every test starts from empty tables. */
class UnitOfWorkTest {

    private static SessionFactory fresh(Engine engine) {
        return fresh(engine, false);
    }

    private static SessionFactory fresh(Engine engine, boolean autoflush) {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class, Node.class, Token.class)
                .autoflush(autoflush).build();
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
    void flushWritesParentsFirstAndSetsGeneratedIds(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Author ada = new Author("Ada");
            Book notes = ada.write("Notes");
            Book sketch = ada.write("Sketch");
            s.add(notes);
            s.add(sketch);
            s.add(ada);
            s.flush();
            assertThat(ada.id).isNotNull();
            assertThat(notes.id).isNotNull().isNotEqualTo(sketch.id);
            assertThat(sql.sql()).containsExactly("INSERT INTO author (name, version) VALUES (?, ?)",
                    "INSERT INTO book (title, price, author_id) VALUES (?, ?, ?)");
            assertThat(sql.statements().get(1).batchSize()).isEqualTo(2);
            assertThat(sql.statements().get(1).parameterSets()).allSatisfy(p -> assertThat(p.get(2)).isEqualTo(ada.id));
            s.commit();
        }
        try (Session s = f.open()) {
            Book loaded = s.select(Book.class).where(Book_.title.eq("Notes")).one();
            assertThat(s.get(Author.class, s.select(Author_.id).scalar(Long.class)).name).isEqualTo("Ada");
            assertThat(loaded.id).isNotNull();
        }
    }

    @DatabaseTest
    void aThousandNewRowsTakeAHandfulOfRoundTrips(Engine engine) {
        SessionFactory f = fresh(engine);
        Author prolific = new Author("Prolific");
        for (int i = 0; i < 1000; i++) {
            prolific.write("Book " + i);
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.add(prolific);
            s.flush();
            assertThat(sql.count()).isLessThanOrEqualTo(2);
            Set<Long> ids = new HashSet<>();
            prolific.books.forEach(b -> ids.add(b.id));
            assertThat(ids).hasSize(1000).doesNotContainNull();
            s.commit();
        }
        assertThat(books(f)).isEqualTo(1000);
    }

    @DatabaseTest
    void tenThousandNewOrdersFlushAsOneBatchWithTheirIds(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(io.athanor.orm.model.User.class,
                io.athanor.orm.model.Order.class, io.athanor.orm.model.Article.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            io.athanor.orm.model.User user = new io.athanor.orm.model.User("buyer");
            s.add(user);
            s.flush();
            sql.clear();
            List<io.athanor.orm.model.Order> orders = new java.util.ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                io.athanor.orm.model.Order o = new io.athanor.orm.model.Order("item " + i, java.math.BigDecimal.ONE, user.getId());
                orders.add(o);
                s.add(o);
            }
            s.flush();
            assertThat(sql.count()).as("one batched INSERT with generated keys").isEqualTo(1);
            assertThat(sql.statements().get(0).batchSize()).isEqualTo(10_000);
            assertThat(orders.stream().map(io.athanor.orm.model.Order::getId).distinct().count()).isEqualTo(10_000);
            s.commit();
        }
    }

    @DatabaseTest
    void dirtyCheckingUpdatesOnlyChangedColumnsAndNothingWhenNothingChanged(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> {
            Author alan = new Author("Alan");
            alan.write("Computable Numbers");
            s.add(alan);
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Book book = s.select(Book.class).one();
            sql.clear();
            s.flush();
            assertThat(sql.count()).as("nothing changed, nothing sent").isZero();
            book.price = new BigDecimal("12.50");
            s.flush();
            assertThat(sql.sql()).containsExactly("UPDATE book SET price = ? WHERE id = ?");
            book.price = new BigDecimal("12.5");
            sql.clear();
            s.flush();
            assertThat(sql.count()).as("12.5 equals 12.50").isZero();
            Author alan = s.select(Author.class).one();
            sql.clear();
            alan.name = "Alan M. Turing";
            s.commit();
            assertThat(sql.sql()).containsExactly("UPDATE author SET name = ?, version = ? WHERE id = ? AND version = ?");
            assertThat(alan.version).isEqualTo(1);
        }
    }

    @DatabaseTest
    void deletesGoChildrenFirstWithCascade(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> {
            Author grace = new Author("Grace");
            grace.write("COBOL");
            grace.write("Compilers");
            s.add(grace);
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Author grace = s.select(Author.class).one();
            grace.books.addAll(s.select(Book.class).list());
            s.delete(grace);
            s.commit();
            assertThat(sql.sql()).containsSubsequence("DELETE FROM book WHERE id = ?", "DELETE FROM author WHERE id = ? AND version = ?");
        }
        assertThat(books(f)).isZero();
    }

    @DatabaseTest
    void aFailedFlushRollsBackKeepsInstancesAndWaitsForRollback(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> s.add(new Author("Taken")));
        Session s = f.open();
        Author fresh = new Author("Fresh");
        Book book = fresh.write("Before the failure");
        s.add(fresh);
        s.add(new Author("Taken"));
        assertThatThrownBy(s::flush).isInstanceOf(UniqueViolationException.class).hasMessageContaining("INSERT INTO author");
        assertThat(fresh.id).as("the key the failed flush gave is taken back").isNull();
        assertThat(book.id).isNull();
        assertThatThrownBy(() -> s.add(new Author("Other"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Call rollback()");
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
        s.rollback();
        try (Session check = f.open()) {
            assertThat(check.select(Author_.name).list()).extracting(r -> r.get(0)).containsExactly("Taken");
        }
        s.add(fresh);
        s.commit();
        assertThat(fresh.id).isNotNull();
        assertThat(books(f)).isEqualTo(1);
        s.close();
    }

    @DatabaseTest
    void aConcurrentChangeIsDetectedByTheVersion(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> s.add(new Author("Shared")));
        try (Session first = f.open(); Session second = f.open()) {
            Author mine = first.select(Author.class).one();
            first.commit();
            Author theirs = second.select(Author.class).one();
            theirs.name = "Theirs";
            second.commit();
            mine.name = "Mine";
            assertThatThrownBy(first::flush).isInstanceOf(StaleObjectException.class)
                    .hasMessageContaining("Author " + mine.id + " could not be updated").hasMessageContaining("version changed");
            first.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Author_.name).scalar(String.class)).isEqualTo("Theirs");
        }
    }

    @DatabaseTest
    void inTransactionCommitsOnReturnAndRollsBackOnException(Engine engine) {
        SessionFactory f = fresh(engine);
        Long id = f.inTransaction(s -> {
            Author a = new Author("Committed");
            s.add(a);
            s.flush();
            return a.id;
        });
        assertThat(id).isNotNull();
        assertThatThrownBy(() -> f.runInTransaction(s -> {
            Author lost = new Author("Lost");
            lost.write("Never");
            s.add(lost);
            s.flush();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        try (Session s = f.open()) {
            assertThat(s.select(Author_.name).list()).extracting(r -> r.get(0)).containsExactly("Committed");
        }
        assertThat(books(f)).isZero();
    }

    @DatabaseTest
    void selfReferencingRowsAreOrderedPerRowAndSequencesHandOutIds(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open()) {
            Node root = new Node("root", null);
            Node child = new Node("child", root);
            Node grandchild = new Node("grandchild", child);
            s.add(grandchild);
            s.add(child);
            s.add(root);
            s.commit();
            assertThat(List.of(root.id, child.id, grandchild.id)).doesNotContainNull().doesNotHaveDuplicates();
        }
        try (Session s = f.open()) {
            Node child = s.select(Node.class).where(Node_.label.eq("child")).one();
            assertThat(s.select(Node.class).where(Node_.parent.eq(child)).one().label).isEqualTo("grandchild");
        }
    }

    @DatabaseTest
    void uuidKeysAreMadeBeforeTheInsert(Engine engine) {
        SessionFactory f = fresh(engine);
        Token t = new Token("secret");
        f.runInTransaction(s -> s.add(t));
        assertThat(t.id).isNotNull();
        try (Session s = f.open()) {
            assertThat(s.get(Token.class, t.id).value).isEqualTo("secret");
        }
    }

    @DatabaseTest
    void autoflushLetsQueriesSeePendingChanges(Engine engine) {
        SessionFactory f = fresh(engine, true);
        try (Session s = f.open()) {
            s.add(new Author("Pending"));
            assertThat(s.select(count()).from(Author.class).scalar(Long.class)).isEqualTo(1L);
            s.rollback();
        }
        SessionFactory manual = SessionFactory.builder(engine).entities(Author.class, Book.class, Node.class, Token.class).build();
        try (Session s = manual.open()) {
            s.add(new Author("Pending"));
            assertThat(s.select(count()).from(Author.class).scalar(Long.class)).isZero();
        }
    }

    @DatabaseTest
    void aReferenceToAnUnsavedEntityOutsideTheSessionIsReported(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open()) {
            s.add(new Book("Orphan", new Author("Nobody")));
            assertThatThrownBy(s::flush).hasMessageContaining("Book.author refers to a Author that has no key yet")
                    .hasMessageContaining("cascade = PERSIST");
            s.rollback();
        }
    }

    @DatabaseTest
    void seedBulkUpdateMappingsBatchesByTheFieldsGiven(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<java.util.Map<String, Object>> authors = new java.util.ArrayList<>();
            for (long i = 1; i <= 50; i++) {
                authors.add(java.util.Map.of("id", i, "name", "author " + i, "version", 0));
            }
            assertThat(s.bulkInsertMappings(Author.class, authors)).isEqualTo(50);
            List<java.util.Map<String, Object>> updates = new java.util.ArrayList<>();
            for (long i = 1; i <= 50; i++) {
                updates.add(i % 2 == 0 ? java.util.Map.of("id", i, "name", "even " + i)
                        : java.util.Map.of("id", i, "name", "odd " + i, "version", 7));
            }
            sql.clear();
            assertThat(s.bulkUpdateMappings(Author.class, updates)).isEqualTo(50);
            assertThat(sql.sql()).containsExactlyInAnyOrder("UPDATE author SET name = ? WHERE id = ?",
                    "UPDATE author SET name = ?, version = ? WHERE id = ?");
            assertThat(sql.statements()).allSatisfy(st -> assertThat(st.batchSize()).isEqualTo(25));
            s.commit();
            assertThat(s.select(Author_.name).where(Author_.id.eq(4L)).scalar(String.class)).isEqualTo("even 4");
            assertThat(s.select(Author_.version).where(Author_.id.eq(5L)).scalar(Integer.class)).isEqualTo(7);
            assertThatThrownBy(() -> s.bulkUpdateMappings(Author.class, List.of(java.util.Map.of("name", "x"))))
                    .hasMessageContaining("must each give the key 'id'");
            assertThatThrownBy(() -> s.bulkInsertMappings(Author.class, List.of(java.util.Map.of("author_name", "x"))))
                    .hasMessageContaining("not one of its fields").hasMessageContaining("Keys are field names");
        }
    }

    @DatabaseTest
    void copyLoadsManyRowsOnPostgresAndIsRefusedElsewhere(Engine engine, io.athanor.orm.test.DatabaseKind kind) {
        SessionFactory f = fresh(engine);
        List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        for (long i = 1; i <= 25_000; i++) {
            rows.add(java.util.Map.of("id", i, "name", i == 7 ? "quote \" comma , newline \n" : "author " + i, "version", 0));
        }
        try (Session s = f.open()) {
            if (kind != io.athanor.orm.test.DatabaseKind.POSTGRESQL) {
                assertThatThrownBy(() -> s.bulkInsertMappings(Author.class, rows, io.athanor.orm.BulkMode.COPY))
                        .hasMessageContaining("not supported by " + kind.label()).hasMessageContaining("BulkMode.BATCH");
                return;
            }
            assertThat(s.bulkInsertMappings(Author.class, rows, io.athanor.orm.BulkMode.COPY)).isEqualTo(25_000);
            s.commit();
            assertThat(s.select(count()).from(Author.class).scalar(Long.class)).isEqualTo(25_000L);
            assertThat(s.get(Author.class, 7L).name).isEqualTo("quote \" comma , newline \n");
        }
    }

    @DatabaseTest
    void mergeCopiesDetachedStateAndRefreshReloads(Engine engine) {
        SessionFactory f = fresh(engine);
        Author detached = new Author("Before");
        f.runInTransaction(s -> s.add(detached));
        detached.name = "After";
        Author merged = f.inTransaction(s -> {
            Author m = s.merge(detached);
            assertThat(m).isNotSameAs(detached);
            assertThat(m.name).isEqualTo("After");
            return m;
        });
        assertThat(merged.version).isEqualTo(1);
        try (Session s = f.open()) {
            Author a = s.get(Author.class, detached.id);
            assertThat(a.name).isEqualTo("After");
            a.name = "Unsaved";
            s.refresh(a);
            assertThat(a.name).isEqualTo("After");
            Author brandNew = new Author("Merged new");
            assertThat(s.merge(brandNew)).isSameAs(brandNew);
            s.commit();
            assertThat(brandNew.id).isNotNull();
        }
    }

    @DatabaseTest
    void eightThreadsEachWithItsOwnSessionLoseNothing(Engine engine) throws Exception {
        SessionFactory f = fresh(engine);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> f.runInTransaction(s -> {
                    Author a = new Author("writer " + thread);
                    for (int i = 0; i < 1000; i++) {
                        a.write("t" + thread + "-" + i);
                    }
                    s.add(a);
                })));
            }
            for (java.util.concurrent.Future<?> d : done) {
                d.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Session s = f.open()) {
            assertThat(s.select(count()).from(Book.class).scalar(Long.class)).isEqualTo(8000L);
            assertThat(s.select(Book_.title).distinct().count()).isEqualTo(8000);
        }
    }

    @DatabaseTest
    void aNestedTransactionRollsBackToItsSavepointAndKeepsTheOuterWork(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open()) {
            s.add(new Author("Outer"));
            io.athanor.orm.engine.Savepoint sp = s.beginNested();
            Author inner = new Author("Inner");
            s.add(inner);
            s.flush();
            sp.rollback();
            s.expunge(inner);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Author_.name).list()).extracting(r -> r.get(0)).containsExactly("Outer");
        }
    }

    @DatabaseTest
    void deletingARowSomeoneElseChangedIsStale(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> s.add(new Author("Contested")));
        try (Session first = f.open()) {
            Author mine = first.select(Author.class).one();
            f.runInTransaction(other -> other.select(Author.class).one().name = "Changed elsewhere");
            first.delete(mine);
            assertThatThrownBy(first::commit).isInstanceOf(StaleObjectException.class).hasMessageContaining("could not be deleted");
            first.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Author_.name).scalar(String.class)).isEqualTo("Changed elsewhere");
        }
    }

    @DatabaseTest
    void theSessionStateMachineSaysWhatToCall(Engine engine) {
        SessionFactory f = fresh(engine);
        Session s = f.open();
        s.begin();
        assertThatThrownBy(s::begin).isInstanceOf(IllegalStateException.class).hasMessageContaining("already in progress");
        s.commit();
        s.begin();
        s.close();
        assertThatThrownBy(() -> s.add(new Author("late"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed").hasMessageContaining("sessions.open()");
        assertThatThrownBy(s::flush).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.delete(new Author("x"))).isInstanceOf(IllegalStateException.class);
    }

    @DatabaseTest
    void updatesOfTheSameShapeBatch(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> {
            Author a = new Author("Batch");
            for (int i = 0; i < 20; i++) {
                a.write("T" + i);
            }
            s.add(a);
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Book> all = s.select(Book.class).list();
            sql.clear();
            all.forEach(b -> b.price = BigDecimal.ONE);
            s.commit();
            assertThat(sql.statements()).hasSize(1);
            RecordedStatement update = sql.statements().get(0);
            assertThat(update.batch()).isTrue();
            assertThat(update.batchSize()).isEqualTo(20);
        }
    }
}

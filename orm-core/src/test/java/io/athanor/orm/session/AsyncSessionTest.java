package io.athanor.orm.session;

import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.AsyncSession;
import io.athanor.orm.AsyncSessionFactory;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.model.uow.Author;
import io.athanor.orm.model.uow.Author_;
import io.athanor.orm.model.uow.Book;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** The seed's async sessions, over the same engine and driver, on PostgreSQL, MariaDB and H2. */
class AsyncSessionTest {

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest
    void asyncResultsEqualBlockingOnes(Engine engine) throws Exception {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> {
            s.add(new Author("a"));
            s.add(new Author("b"));
        });
        List<String> blocking;
        try (Session s = f.open()) {
            blocking = s.select(Author_.name).orderBy(Author_.name).list().stream().map(r -> (String) r.get(0)).toList();
        }
        List<String> async = f.async().run(s -> s.select(Author_.name).orderBy(Author_.name).list()
                .stream().map(r -> (String) r.get(0)).toList()).get(30, TimeUnit.SECONDS);
        assertThat(async).isEqualTo(blocking).containsExactly("a", "b");
    }

    @DatabaseTest
    void workRunsOnVirtualThreadsWhereTheJvmHasThem(Engine engine) throws Exception {
        SessionFactory f = fresh(engine);
        Thread worker = f.async().run(s -> Thread.currentThread()).get(30, TimeUnit.SECONDS);
        if (Runtime.version().feature() < 21) {
            assertThat(worker.getName()).isEqualTo("athanor-async");
            return;
        }
        assertThat((Boolean) Thread.class.getMethod("isVirtual").invoke(worker)).isTrue();
    }

    @DatabaseTest
    void aThousandConcurrentTransactionsOnAPoolOfFiveAllComplete(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(5).maxOverflow(0));
        SessionFactory f = fresh(engine);
        AsyncSessionFactory async = f.async();
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String name = "author " + i;
            futures.add(async.inTransaction(s -> {
                Author a = new Author(name);
                s.add(a);
                s.flush();
                return a.id;
            }));
        }
        CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();
        assertThat(futures).allSatisfy(fu -> assertThat(fu.join()).isNotNull());
        try (Session s = f.open()) {
            assertThat(s.select(Author.class).count()).isEqualTo(1000);
        }
        assertThat(engine.pool().total()).isLessThanOrEqualTo(5);
    }

    @DatabaseTest
    void aFailingTransactionRollsBackAloneWithTheBlockingApisException(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> s.add(new Author("taken")));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (String name : List.of("one", "taken", "two")) {
            futures.add(f.async().inTransaction(s -> {
                s.add(new Author(name));
                return null;
            }));
        }
        assertThat(futures.get(0).join()).isNull();
        assertThat(futures.get(2).join()).isNull();
        assertThatThrownBy(futures.get(1)::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(UniqueViolationException.class);
        try (Session s = f.open()) {
            assertThat(s.select(Author.class).count()).isEqualTo(3);
        }
    }

    @DatabaseTest
    void anAsyncSessionRunsItsStepsInOrder(Engine engine) {
        SessionFactory f = fresh(engine);
        try (AsyncSession s = f.async().open()) {
            Author a = new Author("stepwise");
            s.add(a);
            s.flush();
            CompletableFuture<List<Author>> found = s.list(select(Author.class).where(Author_.name.eq("stepwise")));
            s.commit();
            assertThat(found.join()).singleElement().isSameAs(a);
            assertThat(s.get(Author.class, a.id).join()).isSameAs(a);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void cancellingAFutureCancelsItsStatement(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(2).maxOverflow(0));
        SessionFactory f = fresh(engine);
        CompletableFuture<Object> slow = f.async().run(s -> s.execute(Text.text("select pg_sleep(60)"), Map.of()));
        try (java.sql.Connection admin = db.openJdbc(); java.sql.Statement st = admin.createStatement()) {
            String sleeping = "select count(*) from pg_stat_activity where query = 'select pg_sleep(60)' and state = 'active'";
            Await.until(Duration.ofSeconds(30), () -> count(st, sleeping) == 1, "pg_sleep to start");
            assertThat(slow.cancel(true)).isTrue();
            Await.until(Duration.ofSeconds(30), () -> count(st, sleeping) == 0, "the statement to be cancelled");
        }
        assertThatThrownBy(slow::join).isInstanceOf(CancellationException.class);
        assertThat(f.async().run(s -> s.select(Author.class).count()).get(30, TimeUnit.SECONDS)).isZero();
    }

    private static long count(java.sql.Statement st, String sql) {
        try (java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

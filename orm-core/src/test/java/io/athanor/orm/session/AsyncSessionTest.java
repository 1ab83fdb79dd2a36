package io.athanor.orm.session;

import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.AsyncSession;
import io.athanor.orm.AsyncSessionFactory;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.DatabaseException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
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

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void aStepCancelledMidFlushIsRolledBackBeforeTheNextStepRuns(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(2).maxOverflow(0));
        SessionFactory f = fresh(engine);
        try (java.sql.Connection blocker = blockRow(db, "author 15000"); java.sql.Connection admin = db.openJdbc();
             java.sql.Statement st = admin.createStatement(); AsyncSession session = f.async().open()) {
            AtomicLong backend = new AtomicLong();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            CompletableFuture<Void> flush = session.call(s -> {
                backend.set(backendId(s, db.kind()));
                for (int i = 0; i < 20_000; i++) {
                    s.add(new Author("author " + i));
                }
                try {
                    s.flush();
                } catch (RuntimeException e) {
                    failure.set(e);
                    throw e;
                }
                return null;
            });
            Await.until(Duration.ofSeconds(60), () -> backend.get() != 0
                            && count(st, waitingForLock(db.kind(), backend.get(), "author 15000")) == 1,
                    "the flush's INSERT batch to reach the row another transaction holds");

            assertThat(flush.cancel(true)).isTrue();
            assertThatThrownBy(flush::join).isInstanceOf(CancellationException.class);
            session.add(new Author("the only one"));
            // the blocking row stays until this commit is done: only a cancelled INSERT lets it through
            session.commit().get(60, TimeUnit.SECONDS);
            assertThat(failure.get()).isInstanceOf(DatabaseException.class);
            assertThat(((DatabaseException) failure.get()).sqlState()).isEqualTo(cancelledState(db.kind()));
            blocker.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Author_.name).list()).extracting(r -> r.get(0)).containsExactly("the only one");
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void aTransactionCancelledMidFlushCommitsNothing(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        SessionFactory f = fresh(engine);
        try (java.sql.Connection blocker = blockRow(db, "author 150"); java.sql.Connection admin = db.openJdbc();
             java.sql.Statement st = admin.createStatement()) {
            AtomicLong backend = new AtomicLong();
            CompletableFuture<Void> work = f.async().inTransaction(s -> {
                backend.set(backendId(s, db.kind()));
                for (int i = 0; i < 200; i++) {
                    s.add(new Author("author " + i));
                }
                s.flush();
                return null;
            });
            Await.until(Duration.ofSeconds(60), () -> backend.get() != 0
                            && count(st, waitingForLock(db.kind(), backend.get(), "author 150")) == 1,
                    "the flush's INSERT batch to reach the row another transaction holds");

            assertThat(work.cancel(false)).isTrue();
            // the engine's one connection comes back only when the cancelled work has ended
            assertThat(f.async().run(s -> s.select(Author.class).count()).get(60, TimeUnit.SECONDS)).isZero();
            blocker.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Author.class).count()).isZero();
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aCancelledSleepEndsWithItsStatementCancelledBeforeTheNextStep(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(2).maxOverflow(0));
        SessionFactory f = fresh(engine);
        try (AsyncSession session = f.async().open(); java.sql.Connection admin = db.openJdbc();
             java.sql.Statement st = admin.createStatement()) {
            AtomicLong backend = new AtomicLong();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            CompletableFuture<Result> sleep = session.call(s -> {
                backend.set(backendId(s, DatabaseKind.POSTGRESQL));
                return sleepRecordingFailure(s, failure);
            });
            Await.until(Duration.ofSeconds(60), () -> backend.get() != 0 && count(st, "select count(*) from pg_stat_activity "
                    + "where pid = " + backend.get() + " and state = 'active' and query = 'select pg_sleep(8)'") == 1,
                    "pg_sleep to start");

            assertThat(sleep.cancel(false)).isTrue();
            assertThatThrownBy(sleep::join).isInstanceOf(CancellationException.class);
            assertThat(session.call(s -> s.select(Author.class).count()).get(60, TimeUnit.SECONDS)).isZero();
            assertThat(failure.get()).isInstanceOf(DatabaseException.class);
            assertThat(((DatabaseException) failure.get()).sqlState()).isEqualTo("57014");
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aStatementStartedAfterTheCancelIsCancelledToo(Engine engine) throws Exception {
        SessionFactory f = fresh(engine);
        try (AsyncSession session = f.async().open()) {
            CountDownLatch begun = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            CompletableFuture<Result> sleep = session.call(s -> {
                begun.countDown();
                await(cancelled);
                return sleepRecordingFailure(s, failure);
            });
            await(begun);
            assertThat(sleep.cancel(true)).isTrue();
            cancelled.countDown();

            assertThat(session.call(s -> s.select(Author.class).count()).get(60, TimeUnit.SECONDS)).isZero();
            assertThatThrownBy(sleep::join).isInstanceOf(CancellationException.class);
            assertThat(failure.get()).isInstanceOf(DatabaseException.class);
            assertThat(((DatabaseException) failure.get()).sqlState()).isEqualTo("57014");
        }
    }

    @DatabaseTest
    void aStepCancelledBeforeItStartsNeverRuns(Engine engine) throws Exception {
        SessionFactory f = fresh(engine);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        try (AsyncSession session = f.async().open()) {
            CompletableFuture<Void> first = session.call(s -> {
                s.add(new Author("kept"));
                s.flush();
                await(release);
                return null;
            });
            CompletableFuture<Void> skipped = session.call(s -> {
                ran.set(true);
                s.add(new Author("never"));
                return null;
            });
            assertThat(skipped.cancel(true)).isTrue();
            release.countDown();

            first.get(60, TimeUnit.SECONDS);
            session.commit().get(60, TimeUnit.SECONDS);
            assertThat(skipped).isCancelled();
            assertThat(ran).isFalse();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Author_.name).list()).extracting(r -> r.get(0)).containsExactly("kept");
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void closingTheEngineEndsTheAsyncThreads(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.name("closing-async").poolSize(2).maxOverflow(0));
        SessionFactory f = fresh(engine);
        String worker = f.async().run(s -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
        try (AsyncSession session = f.async().open()) {
            assertThat(session.call(s -> s.select(Author.class).count()).get(30, TimeUnit.SECONDS)).isZero();
        }
        if (Runtime.version().feature() < 21) {
            assertThat(worker).startsWith("athanor-async-closing-async-");
        }

        engine.close();
        Await.until(Duration.ofSeconds(30), () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("athanor-async-closing-async-")),
                "the async threads to end");
        assertThatThrownBy(() -> f.async().run(s -> 1).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    /** A plain connection whose open transaction holds a new author named {@code name}: an INSERT of that name waits. */
    private static java.sql.Connection blockRow(TestDatabase db, String name) throws java.sql.SQLException {
        java.sql.Connection c = db.openJdbc();
        c.setAutoCommit(false);
        try (java.sql.PreparedStatement ps = c.prepareStatement("insert into author (name, version) values (?, 0)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        return c;
    }

    private static long backendId(Session s, DatabaseKind kind) {
        String sql = kind == DatabaseKind.POSTGRESQL ? "select pg_backend_pid()" : "select connection_id()";
        return ((Number) s.execute(Text.text(sql), Map.of()).scalar()).longValue();
    }

    /**
     * Counts 1 while the session's connection waits for a lock with the INSERT of author {@code name}.
     * (MariaDB's information_schema.innodb_trx is a cache that repeated reads keep stale, so there it is
     * the process list showing that INSERT, which cannot finish while the row is held.)
     */
    private static String waitingForLock(DatabaseKind kind, long backend, String name) {
        return kind == DatabaseKind.POSTGRESQL
                ? "select count(*) from pg_stat_activity where pid = " + backend + " and wait_event_type = 'Lock'"
                : "select count(*) from information_schema.processlist where id = " + backend
                        + " and info like 'INSERT INTO author%''" + name + "''%'";
    }

    /** The SQLState of a statement the database cancelled. */
    private static String cancelledState(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? "57014" : "70100";
    }

    private static Result sleepRecordingFailure(Session s, AtomicReference<RuntimeException> failure) {
        try {
            return s.execute(Text.text("select pg_sleep(8)"), Map.of());
        } catch (RuntimeException e) {
            failure.set(e);
            throw e;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("Waited 60 s for a latch the test counts down");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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

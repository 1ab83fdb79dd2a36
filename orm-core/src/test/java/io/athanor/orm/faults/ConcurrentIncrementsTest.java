package io.athanor.orm.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.Retry;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.shop.Account;
import io.athanor.orm.model.shop.Tally;
import io.athanor.orm.model.shop.Tally_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Eight threads incrementing one counter by read-modify-write: with {@code @Version} and {@link Retry}, and with
 * {@code forUpdate()}, no increment is lost or doubled; a control with neither shows lost updates, proof that
 * the test can see them.
 */
class ConcurrentIncrementsTest {
    private static final int THREADS = 8;
    private static final int INCREMENTS = 25;

    /**
     * A factory over an engine whose pool holds a connection for every thread, in the class's schema. On H2 a waiter
     * gives up on a row lock after 2 s by default, which eight threads on a slow machine can reach: 30 s here.
     */
    private static SessionFactory fresh(TestDatabase db) {
        Engine engine = db.newEngine(b -> db.kind() == io.athanor.orm.test.DatabaseKind.H2
                ? b.poolSize(THREADS).maxOverflow(0).connectionProperty("LOCK_TIMEOUT", "30000")
                : b.poolSize(THREADS).maxOverflow(0));
        SessionFactory f = SessionFactory.builder(engine).entities(Account.class, Tally.class).nPlusOne(NPlusOne.OFF).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** Runs {@code work} on {@link #THREADS} threads at once and waits for all (a bound, not a measurement). */
    private static void onThreads(Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(work));
            }
            for (Future<Void> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @DatabaseTest
    void versionAndRetryLoseNothing(TestDatabase db) throws Exception {
        SessionFactory f = fresh(db);
        long id = f.inTransaction(s -> {
            Account a = new Account("counter", 0);
            s.add(a);
            s.flush();
            return a.getId();
        });
        Retry retry = Retry.retry(1_000).backoff(Duration.ofMillis(1), Duration.ofMillis(20));
        onThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                f.inTransaction(retry, s -> {
                    Account a = s.get(Account.class, id);
                    a.setBalance(a.getBalance() + 1);
                    return null;
                });
            }
            return null;
        });
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            assertThat(a.getBalance()).as("increments: none lost, none doubled").isEqualTo(THREADS * INCREMENTS);
            assertThat(a.getVersion()).as("one version per increment").isEqualTo(THREADS * INCREMENTS);
        }
    }

    @DatabaseTest
    void forUpdateLosesNothing(TestDatabase db) throws Exception {
        SessionFactory f = fresh(db);
        long id = newTally(f);
        onThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                f.runInTransaction(s -> {
                    Tally t = s.select(Tally.class).where(Tally_.id.eq(id)).forUpdate().one();
                    t.setCount(t.getCount() + 1);
                });
            }
            return null;
        });
        assertThat(count(f, id)).as("increments: none lost, none doubled").isEqualTo(THREADS * INCREMENTS);
    }

    /** The control: every thread reads, all wait until all have read, then each writes what it read plus one. */
    @DatabaseTest
    void withoutVersionOrLockUpdatesAreLost(TestDatabase db) throws Exception {
        SessionFactory f = fresh(db);
        long id = newTally(f);
        int rounds = 3;
        CyclicBarrier allRead = new CyclicBarrier(THREADS);
        onThreads(() -> {
            for (int r = 0; r < rounds; r++) {
                try (Session s = f.open()) {
                    Tally t = s.get(Tally.class, id);
                    long read = t.getCount();
                    allRead.await(1, TimeUnit.MINUTES);
                    t.setCount(read + 1);
                    s.commit();
                }
                allRead.await(1, TimeUnit.MINUTES); // the next round reads after every write of this one
            }
            return null;
        });
        long stored = count(f, id);
        assertThat(stored).as("lost updates: fewer than the %d increments made", THREADS * rounds)
                .isLessThan(THREADS * rounds).isPositive();
    }

    private static long newTally(SessionFactory f) {
        return f.inTransaction(s -> {
            Tally t = new Tally();
            s.add(t);
            s.flush();
            return t.getId();
        });
    }

    private static long count(SessionFactory f, long id) {
        try (Session s = f.open()) {
            return s.get(Tally.class, id).getCount();
        }
    }
}

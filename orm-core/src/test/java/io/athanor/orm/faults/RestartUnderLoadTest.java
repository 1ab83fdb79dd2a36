package io.athanor.orm.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.CommitOutcomeUnknownException;
import io.athanor.orm.error.ConnectionFailedException;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.ThrowawayPostgres;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pg_ctl restart -m fast} while 4 threads run small transactions (one new row each, through
 * {@code SessionFactory.runInTransaction}), in a loop bounded at {@value #BOUND} transactions per thread.
 * Each thread stops once it has committed {@value #AFTER} transactions begun after the restart returned.
 *
 * <p>Every time: no thread hangs or reaches the bound; every thread commits again; every failure is a
 * lost-connection error (or an outcome-unknown commit), never a pool timeout or a refused connection; at
 * most one failure per connection the pool held when the server went down; and the rows present are
 * exactly the commits the threads saw succeed, plus at most those whose commit outcome was unknown.
 * With {@code prePing}, no transaction begun after the restart fails; without it, a pooled connection
 * of the old server may fail the one transaction that next uses it.
 */
class RestartUnderLoadTest {
    private static final Logger LOG = LoggerFactory.getLogger(RestartUnderLoadTest.class);
    private static final int THREADS = 4;
    private static final int BOUND = 2_000;
    private static final int BEFORE = 5;
    private static final int AFTER = 5;

    @RegisterExtension
    static final ThrowawayPostgres PG = ThrowawayPostgres.builder().build();

    @BeforeAll
    static void schema() {
        Engine setup = PG.newEngine(b -> b.poolSize(1).maxOverflow(0));
        SessionFactory.builder(setup).entities(FaultRow.class).build().schema().createAll();
        setup.close();
    }

    @Test
    void withPrePingEveryThreadRecoversAndNothingBegunAfterTheRestartFails() throws Exception {
        Outcome o = restartUnderLoad(true, "faults-restart-preping");

        assertThat(o.failures).as("transactions begun after the restart that failed")
                .noneMatch(f -> f.begunAfterRestart);
    }

    @Test
    void withoutPrePingOnlyTransactionsOnTheOldServersConnectionsFail() throws Exception {
        Outcome o = restartUnderLoad(false, "faults-restart-noping");

        assertThat(o.failures).as("each a transaction on a connection of the old server, which then left the pool")
                .hasSizeLessThanOrEqualTo(THREADS);
    }

    /** One failed transaction: which thread, the row it wrote, whether it began after the restart returned. */
    private record Failure(int thread, long n, boolean begunAfterRestart, RuntimeException error) {
    }

    private record Outcome(List<Failure> failures) {
    }

    private static Outcome restartUnderLoad(boolean prePing, String app) throws Exception {
        Engine engine = PG.newEngine(b -> b.poolSize(THREADS).maxOverflow(0).prePing(prePing)
                .poolTimeout(Duration.ofSeconds(30)).connectionProperty("ApplicationName", app));
        SessionFactory sessions = SessionFactory.builder(engine).entities(FaultRow.class).build();
        Faults.run(PG, "truncate fault_rows");

        AtomicBoolean restarted = new AtomicBoolean();
        AtomicIntegerArray commits = new AtomicIntegerArray(THREADS);
        AtomicIntegerArray commitsAfter = new AtomicIntegerArray(THREADS);
        Queue<Long> committed = new ConcurrentLinkedQueue<>();
        Queue<Long> unknown = new ConcurrentLinkedQueue<>();
        Queue<Failure> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    for (int i = 0; i < BOUND; i++) {
                        boolean after = restarted.get();
                        if (after && commitsAfter.get(thread) >= AFTER) {
                            return i;
                        }
                        long n = thread * 1_000_000L + i;
                        try {
                            sessions.runInTransaction(s -> s.add(new FaultRow(n, "thread " + thread)));
                            committed.add(n);
                            commits.incrementAndGet(thread);
                            if (after) {
                                commitsAfter.incrementAndGet(thread);
                            }
                        } catch (RuntimeException e) {
                            if (e instanceof CommitOutcomeUnknownException) {
                                unknown.add(n);
                            }
                            failures.add(new Failure(thread, n, after, e));
                        }
                    }
                    return BOUND;
                }));
            }
            Await.until(Faults.DEADLINE, () -> allAtLeast(commits, BEFORE), "every thread to commit " + BEFORE + " transactions");
            PG.restart();
            restarted.set(true);
            Await.until(Faults.DEADLINE, () -> threads.stream().allMatch(Future::isDone), "every thread to finish (no hang)");
        } finally {
            pool.shutdownNow();
        }
        int transactions = 0;
        for (int t = 0; t < THREADS; t++) {
            int ran = threads.get(t).get();
            assertThat(ran).as("transactions of thread %d (bound %d)", t, BOUND).isLessThan(BOUND);
            assertThat(commitsAfter.get(t)).as("thread %d's commits after the restart", t).isEqualTo(AFTER);
            transactions += ran;
        }
        List<Failure> failed = new ArrayList<>(failures);
        assertThat(failed).allSatisfy(f -> assertThat(f.error)
                .as("failure of thread %d", f.thread)
                .matches(e -> e instanceof CommitOutcomeUnknownException
                        || Faults.isLostConnection(e) && !(e instanceof ConnectionFailedException), "a lost connection"));
        assertThat(failed).as("failures: at most one per connection the pool held").hasSizeLessThanOrEqualTo(THREADS);

        Set<Long> present = rowsPresent();
        Set<Long> extra = new HashSet<>(present);
        extra.removeAll(committed);
        assertThat(present).as("rows of the commits the threads saw succeed").containsAll(committed);
        assertThat(extra).as("rows no thread saw committed: only from commits whose outcome is unknown").isSubsetOf(unknown);
        LOG.info("Restart under load, prePing={}: {} threads ran {} transactions; {} committed, {} failed ({} begun after "
                        + "the restart: {}), {} with an unknown outcome; {} rows present", prePing, THREADS, transactions,
                committed.size(), failed.size(), failed.stream().filter(Failure::begunAfterRestart).count(), kinds(failed),
                unknown.size(), present.size());
        Faults.assertNoLeak(PG, engine, app);
        return new Outcome(failed);
    }

    /** The failures by exception type and SQLState, for the log. */
    private static java.util.Map<String, Long> kinds(List<Failure> failed) {
        return failed.stream().collect(java.util.stream.Collectors.groupingBy(f -> f.error.getClass().getSimpleName()
                + (f.error instanceof io.athanor.orm.error.DatabaseException
                ? " " + ((io.athanor.orm.error.DatabaseException) f.error).sqlState() : ""),
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private static boolean allAtLeast(AtomicIntegerArray counts, int least) {
        for (int i = 0; i < counts.length(); i++) {
            if (counts.get(i) < least) {
                return false;
            }
        }
        return true;
    }

    private static Set<Long> rowsPresent() throws SQLException {
        Set<Long> rows = new HashSet<>();
        try (java.sql.Connection c = PG.openJdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select n from fault_rows")) {
            while (rs.next()) {
                rows.add(rs.getLong(1));
            }
        }
        return rows;
    }
}

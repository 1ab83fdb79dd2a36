package io.athanor.orm.faults;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Retry;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.CommitOutcomeUnknownException;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.test.ThrowawayPostgres;
import io.athanor.orm.test.ThrowawayPostgres.Backend;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code COMMIT} cut off by the connection dying raises {@link CommitOutcomeUnknownException}, on the
 * engine's connections, sessions and both {@code inTransaction}s, and nothing runs the work again.
 *
 * <p>Forced, not waited for: a deferred constraint trigger on {@code fault_rows} takes an advisory lock the
 * test holds, so the COMMIT waits inside the server; once {@code pg_stat_activity} shows it waiting there,
 * the test ends that session with {@code pg_terminate_backend}. (Here the server had not committed, so the
 * table stays empty; the client cannot know that, which is the point of the exception.)
 */
class CommitCutOffTest {
    private static final String APP = "faults-commit";
    private static final long GATE = 4_301;

    @RegisterExtension
    static final ThrowawayPostgres PG = ThrowawayPostgres.builder().build();

    private static Engine engine;
    private static SessionFactory sessions;
    private static ExecutorService worker;

    @BeforeAll
    static void schema() {
        engine = PG.newEngine(b -> b.poolSize(2).maxOverflow(0).connectionProperty("ApplicationName", APP));
        sessions = SessionFactory.builder(engine).entities(FaultRow.class).build();
        sessions.schema().createAll();
        Faults.run(PG, "create function commit_gate() returns trigger language plpgsql as $$ begin "
                + "perform pg_advisory_xact_lock(" + GATE + "); return null; end $$");
        Faults.run(PG, "create constraint trigger commit_gate after insert on fault_rows deferrable initially deferred "
                + "for each row execute function commit_gate()");
        Faults.run(PG, "create table deferred_keys (k int, constraint deferred_keys_k unique (k) deferrable initially deferred)");
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "commit-worker"));
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @BeforeEach
    void empty() {
        Faults.run(PG, "truncate fault_rows, deferred_keys");
    }

    @Test
    void onAConnection() throws Exception {
        Connection c = engine.connect();
        try {
            c.executeUpdate(text("insert into fault_rows (n, payload) values (1, 'cut off')"), Map.of());
            Throwable error = cutOff(c::commit);

            assertOutcomeUnknown(error);
            assertThat(((CommitOutcomeUnknownException) error).sql()).isEqualTo("COMMIT");
            assertThat(c.isBroken()).isTrue();
            c.rollback();
        } finally {
            c.close();
        }
        assertThat(Faults.count(PG, "select count(*) from fault_rows")).as("rows present").isZero();
        Faults.assertNoLeak(PG, engine, APP);
    }

    @Test
    void inASession() throws Exception {
        try (Session s = sessions.open()) {
            s.add(new FaultRow(1, "cut off"));
            Throwable error = cutOff(s::commit);

            assertOutcomeUnknown(error);
            assertThatThrownBy(() -> s.add(new FaultRow(2, "refused"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("CommitOutcomeUnknownException").hasMessageContaining("Call rollback()");
            s.rollback();
            assertThat(Faults.count(PG, "select count(*) from fault_rows")).as("rows present").isZero();

            s.add(new FaultRow(3, "next transaction"));
            s.commit();
            assertThat(Faults.count(PG, "select count(*) from fault_rows")).isEqualTo(1);
        }
        Faults.assertNoLeak(PG, engine, APP);
    }

    @Test
    void inTransactionWithRetryRunsTheWorkOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Throwable error = cutOff(() -> sessions.inTransaction(Retry.retry(3), s -> {
            runs.incrementAndGet();
            s.add(new FaultRow(1, "run " + runs.get()));
            return null;
        }));

        assertOutcomeUnknown(error);
        assertThat(runs).as("runs of the work").hasValue(1);
        assertThat(Faults.count(PG, "select count(*) from fault_rows")).as("rows present").isZero();
        Faults.assertNoLeak(PG, engine, APP);
    }

    @Test
    void engineInTransaction() throws Exception {
        Throwable error = cutOff(() -> engine.runInTransaction(
                c -> c.executeUpdate(text("insert into fault_rows (n, payload) values (1, 'engine')"), Map.of())));

        assertOutcomeUnknown(error);
        assertThat(Faults.count(PG, "select count(*) from fault_rows")).as("rows present").isZero();
        Faults.assertNoLeak(PG, engine, APP);
    }

    /** The control: a commit the server answers with an error has a known outcome and keeps its own type. */
    @Test
    void aCommitTheServerRefusesIsNotOutcomeUnknown() {
        try (Connection c = engine.connect()) {
            c.executeUpdate(text("insert into deferred_keys values (1), (1)"), Map.of());
            assertThatThrownBy(c::commit).isInstanceOf(UniqueViolationException.class)
                    .isNotInstanceOf(CommitOutcomeUnknownException.class);
            assertThat(c.isBroken()).isFalse();
            c.rollback();
        }
        assertThat(Faults.count(PG, "select count(*) from deferred_keys")).isZero();
        Faults.assertNoLeak(PG, engine, APP);
    }

    /**
     * Runs {@code commit} on the worker with the gate closed, ends the session once its COMMIT waits at the
     * gate, and returns what {@code commit} threw. The gate stays closed until then, so a second run of the
     * work would wait there too and never finish.
     */
    @SuppressWarnings("try") // the gate holds the statement back while it is open; it is not used
    private static Throwable cutOff(Runnable commit) throws Exception {
        try (Faults.Gate gate = new Faults.Gate(PG, GATE)) {
            Future<?> running = worker.submit(commit);
            Backend committing = Faults.awaitAtGate(PG, APP, "COMMIT");
            assertThat(PG.terminate(committing.pid())).isTrue();
            try {
                running.get(Faults.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                running.cancel(true);
                throw new AssertionError("The work did not end after its COMMIT was cut off: was it run again?", e);
            }
        }
        throw new AssertionError("The commit returned normally although its session was ended during COMMIT.");
    }

    private static void assertOutcomeUnknown(Throwable error) {
        assertThat(error).isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageContaining("was lost during COMMIT")
                .hasMessageContaining("terminating connection due to administrator command")
                .hasMessageContaining("may or may not have been committed")
                .hasMessageContaining("Nothing retries it automatically")
                .hasMessageContaining("Check the data");
        assertThat(((CommitOutcomeUnknownException) error).sqlState()).isIn("57P01", "08006");
    }
}

package io.athanor.orm.faults;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.test.ThrowawayPostgres;
import io.athanor.orm.test.ThrowawayPostgres.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code pg_terminate_backend} of a session's own server process while it writes: in the middle of a flush
 * of 20,000 new rows, of a bulk BATCH insert, of a COPY, and between two statements of a transaction. In
 * each case: 0 rows written, a database error that says the connection was lost, {@code rollback()}
 * returns normally, the session's next transaction runs on a fresh connection, and no connection leaks.
 *
 * <p>A trigger stops the writing statement at row 10,000 behind an advisory lock the test holds (the gate),
 * so the session is ended mid-statement every time, with half the rows already sent; the test waits for
 * {@code pg_stat_activity} to show the statement waiting there, never for a fixed time.
 */
class TerminatedBackendTest {
    private static final String APP = "faults-terminate";
    private static final int ROWS = 20_000;
    private static final long GATE = 4_201;

    // tag::throwaway-postgres[]
    @RegisterExtension                                    // started before the class's tests, deleted after them
    static final ThrowawayPostgres PG = ThrowawayPostgres.builder().build();
    // end::throwaway-postgres[]

    private static Engine engine;
    private static SessionFactory sessions;
    private static ExecutorService worker;

    @BeforeAll
    static void schema() {
        // tag::throwaway-engine[]
        engine = PG.newEngine(b -> b.poolSize(2).maxOverflow(0).connectionProperty("ApplicationName", APP));
        // end::throwaway-engine[]
        sessions = SessionFactory.builder(engine).entities(FaultRow.class).build();
        sessions.schema().createAll();
        Faults.run(PG, "create function fault_gate() returns trigger language plpgsql as $$ begin "
                + "if new.n = " + ROWS / 2 + " then perform pg_advisory_xact_lock(" + GATE + "); end if; return new; end $$");
        Faults.run(PG, "create trigger fault_gate before insert on fault_rows for each row execute function fault_gate()");
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fault-worker"));
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @BeforeEach
    void empty() {
        Faults.run(PG, "truncate fault_rows");
    }

    @Test
    void midFlushOf20000Rows() throws Exception {
        try (Session s = sessions.open()) {
            for (int n = 0; n < ROWS; n++) {
                s.add(new FaultRow(n, "flushed " + n));
            }
            Fault fault = terminatedWhileRunning("INSERT", s::flush);

            assertThat(Faults.isLostConnection(fault.error)).as("a lost-connection error, not %s", fault.error).isTrue();
            assertThat(fault.error).hasMessageContaining("terminating connection due to administrator command");
            assertThatThrownBy(() -> s.add(new FaultRow(-1, "refused"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Call rollback()");
            assertZeroRowsThenRecovers(s, fault.pid);
        }
        Faults.assertNoLeak(PG, engine, APP);
    }

    @Test
    void midBulkBatch() throws Exception {
        try (Session s = sessions.open()) {
            Fault fault = terminatedWhileRunning("INSERT", () -> s.bulkInsertMappings(FaultRow.class, mappings(), BulkMode.BATCH));

            assertThat(Faults.isLostConnection(fault.error)).as("a lost-connection error, not %s", fault.error).isTrue();
            assertZeroRowsThenRecovers(s, fault.pid);
        }
        Faults.assertNoLeak(PG, engine, APP);
    }

    @Test
    void midCopy() throws Exception {
        try (Session s = sessions.open()) {
            Fault fault = terminatedWhileRunning("COPY", () -> s.bulkInsertMappings(FaultRow.class, mappings(), BulkMode.COPY));

            assertThat(Faults.isLostConnection(fault.error)).as("a lost-connection error, not %s", fault.error).isTrue();
            assertZeroRowsThenRecovers(s, fault.pid);
        }
        Faults.assertNoLeak(PG, engine, APP);
    }

    @Test
    void betweenTwoStatementsOfATransaction() throws Exception {
        try (Session s = sessions.open()) {
            s.add(new FaultRow(1, "first statement"));
            s.flush();
            int pid = s.execute(text("select pg_backend_pid()"), Map.of()).scalar(Integer.class);
            assertThat(PG.backends(APP)).filteredOn(b -> b.pid() == pid).singleElement()
                    .satisfies(b -> assertThat(b.state()).isEqualTo("idle in transaction"));

            assertThat(PG.terminate(pid)).isTrue();
            s.add(new FaultRow(2, "second statement"));
            Throwable error = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, s::flush);

            assertThat(Faults.isLostConnection(error)).as("a lost-connection error, not %s", error).isTrue();
            assertZeroRowsThenRecovers(s, pid);
        }
        Faults.assertNoLeak(PG, engine, APP);
    }

    /**
     * Runs {@code work} on the worker thread with the gate closed, ends its session once it waits at the gate
     * in a statement starting with {@code prefix}, and returns what it threw.
     */
    @SuppressWarnings("try") // the gate holds the statement back while it is open; it is not used
    private static Fault terminatedWhileRunning(String prefix, Runnable work) throws Exception {
        Future<?> running;
        try (Faults.Gate gate = new Faults.Gate(PG, GATE)) {
            // tag::terminate[]
            running = worker.submit(work);                                  // e.g. session::flush
            Backend victim = Faults.awaitAtGate(PG, APP, prefix);           // polls PG.backends(APP)
            assertThat(PG.terminate(victim.pid())).isTrue();                // pg_terminate_backend, then gone
            // end::terminate[]
            try {
                running.get(Faults.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return new Fault(e.getCause(), victim.pid());
            }
        }
        throw new AssertionError("The " + prefix + " finished although its session was ended mid-statement.");
    }

    /** What the work threw, and the server process that was ended under it. */
    private record Fault(Throwable error, int pid) {
    }

    /**
     * 0 rows in the table; rollback() returns; the session's next transaction commits on another connection
     * than the one ended (server process {@code endedPid}).
     */
    private static void assertZeroRowsThenRecovers(Session s, int endedPid) {
        assertThat(Faults.count(PG, "select count(*) from fault_rows")).as("rows written").isZero();

        s.rollback();

        s.add(new FaultRow(ROWS + 1, "after the fault"));
        s.commit();
        int pid = s.execute(text("select pg_backend_pid()"), Map.of()).scalar(Integer.class);
        assertThat(pid).as("the session's connection after rollback()").isNotEqualTo(endedPid);
        assertThat(Faults.count(PG, "select count(*) from fault_rows")).isEqualTo(1);
        s.rollback();
    }

    private static List<Map<String, Object>> mappings() {
        List<Map<String, Object>> rows = new ArrayList<>(ROWS);
        for (long n = 0; n < ROWS; n++) {
            rows.add(Map.of("n", n, "payload", "bulk " + n));
        }
        return rows;
    }
}

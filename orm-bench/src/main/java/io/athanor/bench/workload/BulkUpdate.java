package io.athanor.bench.workload;

import io.athanor.bench.BenchSchema;
import io.athanor.bench.Inputs;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import io.athanor.bench.athanor.AthanorBench;
import io.athanor.bench.hibernate.HibernateBench;
import io.athanor.bench.jdbc.JdbcBench;
import io.athanor.bench.jdbi.JdbiBench;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 6: update the total of all 10,000 orders from maps of id and new total, in one
 * transaction: Athanor's {@code bulkUpdateMappings}, JDBC and JDBI batches, and Hibernate's load,
 * set and batched flush (it has no update by mappings).
 *
 * <p>Data reset: before every invocation the totals go back to their seeded values (one statement,
 * outside the measurement), so each invocation changes every row; the table is vacuumed before
 * every iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class BulkUpdate {
    private List<Map<String, Object>> updates;

    /** The same 10,000 updates for every invocation. */
    @Setup(Level.Trial)
    public void inputs() {
        updates = Inputs.totalUpdates();
    }

    /** Puts the totals back. */
    @Setup(Level.Invocation)
    public void restore() {
        BenchSchema.restoreTotals();
    }

    /** Reclaims the rows the updates replaced. */
    @Setup(Level.Iteration)
    public void vacuum() {
        BenchSchema.restoreTotals();
        BenchSchema.vacuum();
    }

    @Benchmark
    public Object jdbc(JdbcBench impl) throws SQLException {
        return impl.updateTotals(updates);
    }

    @Benchmark
    public Object athanor(AthanorBench impl) {
        return impl.updateTotals(updates);
    }

    @Benchmark
    public Object hibernate(HibernateBench impl) {
        return impl.updateTotals(updates);
    }

    @Benchmark
    public Object jdbi(JdbiBench impl) {
        return impl.updateTotals(updates);
    }
}

package io.athanor.bench.workload;

import io.athanor.bench.BenchSchema;
import io.athanor.bench.Inputs;
import io.athanor.orm.BulkMode;
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
 * Workload 7: 100,000 rows into {@code order_archive} from maps, no ids read back. COPY: Athanor's
 * {@code BulkMode.COPY} against pgjdbc's CopyManager fed by hand. Batched {@code INSERT}s: JDBC,
 * Athanor's {@code BulkMode.BATCH}, a Hibernate stateless session, JDBI (neither of the last two has a
 * COPY form).
 *
 * <p>Data reset: the table is truncated before every invocation (outside the measurement; an
 * invocation takes hundreds of milliseconds).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class BulkInsert {
    private static final int COUNT = 100_000;

    private List<Map<String, Object>> rows;

    /** The same rows for every invocation. */
    @Setup(Level.Trial)
    public void inputs() {
        rows = Inputs.archiveRows(COUNT);
    }

    /** Empties the table. */
    @Setup(Level.Invocation)
    public void truncate() {
        BenchSchema.emptyArchive();
    }

    @Benchmark
    public Object jdbcCopy(JdbcBench impl) throws SQLException {
        return impl.copyArchive(rows);
    }

    @Benchmark
    public Object athanorCopy(AthanorBench impl) {
        return impl.insertArchive(rows, BulkMode.COPY);
    }

    @Benchmark
    public Object jdbcBatch(JdbcBench impl) throws SQLException {
        return impl.insertArchiveBatched(rows);
    }

    @Benchmark
    public Object athanorBatch(AthanorBench impl) {
        return impl.insertArchive(rows, BulkMode.BATCH);
    }

    @Benchmark
    public Object hibernateBatch(HibernateBench impl) {
        return impl.insertArchive(rows);
    }

    @Benchmark
    public Object jdbiBatch(JdbiBench impl) {
        return impl.insertArchive(rows);
    }
}

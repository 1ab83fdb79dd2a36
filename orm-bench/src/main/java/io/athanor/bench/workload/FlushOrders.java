package io.athanor.bench.workload;

import io.athanor.bench.BenchSchema;
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
 * Workload 5: 10,000 new orders written in one transaction with their generated ids read back, by
 * each implementation's best insert path: JDBC batches with generated keys, Athanor's flush, Hibernate's
 * batched flush (pooled sequence), a JDBI prepared batch with generated keys.
 *
 * <p>Data reset: before every invocation the orders it inserted are deleted (one statement, outside
 * the measurement; an invocation takes tens of milliseconds, so per-invocation setup does not distort
 * it), and before every iteration the table is vacuumed so dead rows do not pile up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class FlushOrders {
    private static final int COUNT = 10_000;

    /** Deletes the previous invocation's orders. */
    @Setup(Level.Invocation)
    public void deleteInserted() {
        BenchSchema.deleteNewOrders();
    }

    /** Reclaims the deleted rows. */
    @Setup(Level.Iteration)
    public void vacuum() {
        BenchSchema.deleteNewOrders();
        BenchSchema.vacuum();
    }

    @Benchmark
    public Object jdbc(JdbcBench impl) throws SQLException {
        return impl.insertOrders(COUNT);
    }

    @Benchmark
    public Object athanor(AthanorBench impl) {
        return impl.insertOrders(COUNT);
    }

    @Benchmark
    public Object hibernate(HibernateBench impl) {
        return impl.insertOrders(COUNT);
    }

    @Benchmark
    public Object jdbi(JdbiBench impl) {
        return impl.insertOrders(COUNT);
    }
}

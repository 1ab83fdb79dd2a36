package io.athanor.bench.workload;

import io.athanor.bench.staff.StaffAthanor;
import io.athanor.bench.staff.StaffJdbc;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Workload 12: load 2,000 version-checked employees, change a random non-empty subset of six columns of
 * each (so up to 63 sets of changed columns), commit. JDBC two ways: one statement and batch per set of
 * changed columns, or one statement writing the union of the changed columns (unchanged ones get the value
 * read) in one batch; Athanor's flush as it is configured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@State(Scope.Benchmark)
public class RandomSubsetUpdate {
    private static final int ROWS = 2_000;
    private final AtomicLong invocation = new AtomicLong();

    @Benchmark
    public Object jdbcPerShape(StaffJdbc impl) throws SQLException {
        return impl.randomSubsetUpdate(ROWS, invocation.incrementAndGet(), false);
    }

    @Benchmark
    public Object jdbcUnion(StaffJdbc impl) throws SQLException {
        return impl.randomSubsetUpdate(ROWS, invocation.incrementAndGet(), true);
    }

    @Benchmark
    public Object athanor(StaffAthanor impl) {
        return impl.randomSubsetUpdate(ROWS, invocation.incrementAndGet());
    }
}

package io.athanor.bench.workload;

import io.athanor.bench.staff.StaffAthanor;
import io.athanor.bench.staff.StaffJdbc;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 11: 1, 2, 4 and 8 threads, each operation in its own session (JDBC: its own connection) from one
 * pool of eight: eight in ten read one employee with its city, two in ten raise one salary (version-checked)
 * and commit. Throughput of all threads together. The staff table's size is {@code -p employees=}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@State(Scope.Benchmark)
public class ConcurrentMix {

    @Benchmark
    @Threads(1)
    public Object jdbc1(StaffJdbc impl) throws SQLException {
        return impl.mixed();
    }

    @Benchmark
    @Threads(2)
    public Object jdbc2(StaffJdbc impl) throws SQLException {
        return impl.mixed();
    }

    @Benchmark
    @Threads(4)
    public Object jdbc4(StaffJdbc impl) throws SQLException {
        return impl.mixed();
    }

    @Benchmark
    @Threads(8)
    public Object jdbc8(StaffJdbc impl) throws SQLException {
        return impl.mixed();
    }

    @Benchmark
    @Threads(1)
    public Object athanor1(StaffAthanor impl) {
        return impl.mixed();
    }

    @Benchmark
    @Threads(2)
    public Object athanor2(StaffAthanor impl) {
        return impl.mixed();
    }

    @Benchmark
    @Threads(4)
    public Object athanor4(StaffAthanor impl) {
        return impl.mixed();
    }

    @Benchmark
    @Threads(8)
    public Object athanor8(StaffAthanor impl) {
        return impl.mixed();
    }
}

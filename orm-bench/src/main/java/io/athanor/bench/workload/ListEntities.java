package io.athanor.bench.workload;

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

/** Workload 2: list the first 1,000 products as entities (six columns each), ordered by id. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ListEntities {
    private static final int COUNT = 1_000;

    @Benchmark
    public Object jdbc(JdbcBench impl) throws SQLException {
        return impl.firstProducts(COUNT);
    }

    @Benchmark
    public Object athanor(AthanorBench impl) {
        return impl.firstProducts(COUNT);
    }

    /** The same list in a read-only session, committed. */
    @Benchmark
    public Object athanorReadOnly(AthanorBench impl) {
        return impl.firstProductsReadOnly(COUNT);
    }

    @Benchmark
    public Object hibernate(HibernateBench impl) {
        return impl.firstProducts(COUNT);
    }

    @Benchmark
    public Object jdbi(JdbiBench impl) {
        return impl.firstProducts(COUNT);
    }
}

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

/**
 * Workload 9: the seed's {@code get_user_statistics}: every user (1,100) with its order count and
 * total spent, users without orders included, into {@link io.athanor.bench.UserStats} records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class UserStatistics {
    @Benchmark
    public Object jdbc(JdbcBench impl) throws SQLException {
        return impl.userStatistics();
    }

    @Benchmark
    public Object athanor(AthanorBench impl) {
        return impl.userStatistics();
    }

    @Benchmark
    public Object hibernate(HibernateBench impl) {
        return impl.userStatistics();
    }

    @Benchmark
    public Object jdbi(JdbiBench impl) {
        return impl.userStatistics();
    }
}

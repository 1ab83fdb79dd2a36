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
 * Workload 8: check out a connection (Athanor: from the engine; JDBC: straight from HikariCP;
 * Hibernate: a session; JDBI: a handle), run {@code select 1}, read the value, give it back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class Checkout {
    @Benchmark
    public Object jdbc(JdbcBench impl) throws SQLException {
        return impl.selectOne();
    }

    @Benchmark
    public Object athanor(AthanorBench impl) {
        return impl.selectOne();
    }

    /** The same with autocommit on, as the JDBC reference runs it: no BEGIN, and no ROLLBACK at close. */
    @Benchmark
    public Object athanorAutocommit(AthanorBench impl) {
        return impl.selectOneAutocommit();
    }

    @Benchmark
    public Object hibernate(HibernateBench impl) {
        return impl.selectOne();
    }

    @Benchmark
    public Object jdbi(JdbiBench impl) {
        return impl.selectOne();
    }
}

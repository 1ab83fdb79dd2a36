package io.athanor.bench.workload;

import io.athanor.bench.BenchSettings;
import io.athanor.bench.Database;
import io.athanor.bench.athanor.AthanorBench;
import io.athanor.bench.hibernate.HibernateBench;
import io.athanor.bench.jdbc.JdbcBench;
import io.athanor.bench.jdbi.JdbiBench;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
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
    private static final Text SELECT_ONE = Text.text("select 1");

    /** An engine as {@link AthanorBench}'s, rolling back connections closed in a transaction on a pool thread. */
    @State(Scope.Benchmark)
    public static class BackgroundReset {
        Engine engine;

        /** Builds the engine once the schema is seeded. */
        @Setup(Level.Trial)
        public void start(Database database) {
            engine = Engine.builder(BenchSettings.url()).user(BenchSettings.user()).password(BenchSettings.password())
                    .poolSize(BenchSettings.POOL_SIZE).maxOverflow(0).resetInBackground(true).build();
        }

        /** Closes the engine. */
        @TearDown(Level.Trial)
        public void stop() {
            engine.close();
        }
    }

    @Benchmark
    public Object jdbc(JdbcBench impl) throws SQLException {
        return impl.selectOne();
    }

    /** The reference for the transactional variant: JDBC with autocommit off, rolled back before it is returned. */
    @Benchmark
    public Object jdbcTransaction(JdbcBench impl) throws SQLException {
        return impl.selectOneInTransaction();
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

    /** The transaction's ROLLBACK at close done by a pool thread ({@code resetInBackground(true)}, off by default). */
    @Benchmark
    public Object athanorBackgroundReset(BackgroundReset engine) {
        try (Connection c = engine.engine.connect()) {
            return c.execute(SELECT_ONE).one().get(0);
        }
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

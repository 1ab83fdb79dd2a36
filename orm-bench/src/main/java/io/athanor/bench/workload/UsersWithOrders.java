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
 * Workload 4: 100 users with their 10 orders each, in two strategies. Joined: one statement, users
 * repeated on each order row. Select-in: the users, then one statement for all their orders
 * (Hibernate: lazy collections initialised in one batch by {@code default_batch_fetch_size}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class UsersWithOrders {
    private static final int USERS = 100;

    @Benchmark
    public Object jdbcJoined(JdbcBench impl) throws SQLException {
        return impl.usersWithOrdersJoined(USERS);
    }

    @Benchmark
    public Object jdbcSelectIn(JdbcBench impl) throws SQLException {
        return impl.usersWithOrdersSelectIn(USERS);
    }

    @Benchmark
    public Object athanorJoined(AthanorBench impl) {
        return impl.usersWithOrdersJoined(USERS);
    }

    @Benchmark
    public Object athanorSelectIn(AthanorBench impl) {
        return impl.usersWithOrdersSelectIn(USERS);
    }

    /** Select-in loading in a read-only session, committed. */
    @Benchmark
    public Object athanorSelectInReadOnly(AthanorBench impl) {
        return impl.usersWithOrdersSelectInReadOnly(USERS);
    }

    @Benchmark
    public Object hibernateJoined(HibernateBench impl) {
        return impl.usersWithOrdersJoined(USERS);
    }

    @Benchmark
    public Object hibernateSelectIn(HibernateBench impl) {
        return impl.usersWithOrdersBatchFetch(USERS);
    }

    @Benchmark
    public Object jdbiJoined(JdbiBench impl) {
        return impl.usersWithOrdersJoined(USERS);
    }

    @Benchmark
    public Object jdbiSelectIn(JdbiBench impl) {
        return impl.usersWithOrdersSelectIn(USERS);
    }
}

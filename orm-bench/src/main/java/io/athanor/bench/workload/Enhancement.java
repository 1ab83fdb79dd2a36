package io.athanor.bench.workload;

import io.athanor.bench.athanor.AthanorBench;
import io.athanor.bench.athanor.enhanced.EnhancedBench;
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
 * What enhancement costs when loading: workload 4 (100 users with their 10 orders each) over the plain
 * classes and over their enhanced twins. Athanor only; the other implementations have no enhancement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class Enhancement {
    private static final int USERS = 100;

    @Benchmark
    public Object plainSelectIn(AthanorBench impl) {
        return impl.usersWithOrdersSelectIn(USERS);
    }

    @Benchmark
    public Object enhancedSelectIn(EnhancedBench impl) {
        return impl.usersWithOrdersSelectIn(USERS);
    }

    @Benchmark
    public Object plainJoined(AthanorBench impl) {
        return impl.usersWithOrdersJoined(USERS);
    }

    @Benchmark
    public Object enhancedJoined(EnhancedBench impl) {
        return impl.usersWithOrdersJoined(USERS);
    }
}

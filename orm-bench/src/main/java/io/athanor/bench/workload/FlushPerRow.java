package io.athanor.bench.workload;

import io.athanor.bench.BenchSchema;
import io.athanor.bench.athanor.AthanorBench;
import io.athanor.bench.athanor.enhanced.EnhancedBench;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The "add one row, flush to get its id" loop: {@code rows} orders added one at a time in one session and
 * transaction, each flushed at once, over the plain classes and over the enhanced twins. The baseline of
 * each is the same loop with every order expunged after its flush, so the session never holds more than
 * one instance: the difference is what the flush pays for the instances it already holds. Athanor only.
 *
 * <p>Data reset: before every invocation the orders it inserted are deleted (outside the measurement), and
 * before every iteration the table is vacuumed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class FlushPerRow {
    @Param({"1000", "10000"})
    public int rows;

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
    public long plainFlushEach(AthanorBench impl) {
        return impl.insertOrdersFlushingEach(rows, false);
    }

    @Benchmark
    public long plainExpungeEach(AthanorBench impl) {
        return impl.insertOrdersFlushingEach(rows, true);
    }

    @Benchmark
    public long enhancedFlushEach(EnhancedBench impl) {
        return impl.insertOrdersFlushingEach(rows, false);
    }

    @Benchmark
    public long enhancedExpungeEach(EnhancedBench impl) {
        return impl.insertOrdersFlushingEach(rows, true);
    }
}

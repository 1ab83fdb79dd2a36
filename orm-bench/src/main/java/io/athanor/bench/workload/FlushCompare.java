package io.athanor.bench.workload;

import io.athanor.bench.BenchSettings;
import io.athanor.bench.Database;
import io.athanor.bench.Inputs;
import io.athanor.bench.athanor.ArchivedOrder;
import io.athanor.bench.athanor.Order;
import io.athanor.bench.athanor.Product;
import io.athanor.bench.athanor.User;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The comparison alone: one session holds {@code HELD} plain {@link Order}s (added and flushed once at set-up, in a
 * transaction rolled back at the end), and each operation is a flush that writes nothing, so it compares every held
 * instance with its snapshot. Scores are per instance visited ({@code @OperationsPerInvocation}); no SQL is sent.
 * Run it twice to compare with the general path: {@code -jvmArgsAppend -Dathanor.flush.generatedComparators=false}.
 *
 * <p>{@code flushUnchangedEvicted} is the same flush after 2 MB of other memory was written (outside the measurement),
 * as between two flushes of the add-and-flush loop ({@link FlushPerRow}), whose INSERT, driver and kernel work leave
 * the session's instances out of the core's own caches: there a flush's walk waits for memory more than it computes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class FlushCompare {
    /** Instances the session holds (the size of the 10,000-row loop's last flushes). */
    private static final int HELD = 10_000;

    /**
     * How the held orders were inserted: {@code one} flush for all (instances, entries and snapshots side by side in
     * memory), or a flush {@code each}, as in the add-and-flush loop (each row's snapshot made at its own INSERT, after
     * the flush's other allocations).
     */
    @Param({"one", "each"})
    public String inserts;

    private Engine engine;
    private Session session;

    /** Opens the session and fills it with {@code HELD} flushed orders. */
    @Setup(Level.Trial)
    public void start(Database database) {
        engine = Engine.builder(BenchSettings.url()).user(BenchSettings.user()).password(BenchSettings.password())
                .poolSize(1).maxOverflow(0).build();
        SessionFactory sessions = SessionFactory.builder(engine)
                .entities(Product.class, User.class, Order.class, ArchivedOrder.class).build();
        session = sessions.open();
        for (int i = 0; i < HELD; i++) {
            session.add(new Order(Inputs.userOf(i), Inputs.productNameOf(i), Inputs.totalOf(i), Inputs.CREATED_AT));
            if (inserts.equals("each")) {
                session.flush();
            }
        }
        session.flush();
    }

    /**
     * Other memory written before each flush: by default 2 MB, larger than a core's own caches and smaller than the
     * shared one; {@code -p trafficMegabytes=64} pushes the session out of the shared cache too.
     */
    @State(Scope.Thread)
    public static class Traffic {
        @Param({"2"})
        public int trafficMegabytes;
        private byte[] bytes;
        private int round;

        /** Makes the memory to write. */
        @Setup(Level.Trial)
        public void allocate() {
            bytes = new byte[trafficMegabytes << 20];
        }

        /** Writes the bytes once, one per cache line. */
        @Setup(Level.Invocation)
        public void evict() {
            byte b = (byte) ++round;
            for (int i = 0; i < bytes.length; i += 64) {
                bytes[i] = b;
            }
        }
    }

    /** Rolls the inserted orders back. */
    @TearDown(Level.Trial)
    public void stop() {
        session.close();
        engine.close();
    }

    /** One flush of an unchanged session: {@code HELD} comparisons, scored per comparison. */
    @Benchmark
    @OperationsPerInvocation(HELD)
    public Session flushUnchanged() {
        session.flush();
        return session;
    }

    /** {@link #flushUnchanged} after {@link Traffic#evict}: the session's instances come from the shared cache or memory. */
    @Benchmark
    @OperationsPerInvocation(HELD)
    public Session flushUnchangedEvicted(Traffic traffic) {
        session.flush();
        return session;
    }
}

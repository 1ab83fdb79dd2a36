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
import java.math.BigDecimal;
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
 * A loop of single-row updates: one session holds one plain {@link Order} (added and flushed at set-up, in a
 * transaction rolled back at the end), and each operation changes its total and flushes, so one UPDATE of the same
 * set of changed columns per operation. What a flush builds per UPDATE shows in the bytes per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class UpdatePerFlush {
    private static final BigDecimal[] TOTALS = {new BigDecimal("1.50"), new BigDecimal("2.50")};

    private Engine engine;
    private Session session;
    private Order order;
    private int round;

    /** Opens the session with its one flushed order. */
    @Setup(Level.Trial)
    public void start(Database database) {
        engine = Engine.builder(BenchSettings.url()).user(BenchSettings.user()).password(BenchSettings.password())
                .poolSize(1).maxOverflow(0).build();
        SessionFactory sessions = SessionFactory.builder(engine)
                .entities(Product.class, User.class, Order.class, ArchivedOrder.class).build();
        session = sessions.open();
        order = new Order(Inputs.userOf(0), Inputs.productNameOf(0), Inputs.totalOf(0), Inputs.CREATED_AT);
        session.add(order);
        session.flush();
    }

    /** Rolls the order back. */
    @TearDown(Level.Trial)
    public void stop() {
        session.close();
        engine.close();
    }

    /** One changed total, one flush: one UPDATE. */
    @Benchmark
    public Session updateAndFlush() {
        order.setTotal(TOTALS[round++ & 1]);
        session.flush();
        return session;
    }
}

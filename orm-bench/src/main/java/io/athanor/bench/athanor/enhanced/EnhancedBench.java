package io.athanor.bench.athanor.enhanced;

import static io.athanor.orm.query.Loads.joinedLoad;

import io.athanor.bench.BenchSettings;
import io.athanor.bench.Database;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.enhance.EntityEnhancer;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Athanor over the enhanced twins of users and orders, set up as {@code AthanorBench}. */
@State(Scope.Benchmark)
public class EnhancedBench {
    private Engine engine;
    private SessionFactory sessions;

    /** Builds the engine and the session factory once the schema is seeded. */
    @Setup(Level.Trial)
    public void start(Database database) {
        if (!EntityEnhancer.isEnhanced(EnhancedUser.class)) {
            throw new IllegalStateException("EnhancedUser is not enhanced: build orm-bench with Maven (package).");
        }
        engine = Engine.builder(BenchSettings.url())
                .user(BenchSettings.user())
                .password(BenchSettings.password())
                .poolSize(BenchSettings.POOL_SIZE)
                .maxOverflow(0)
                .build();
        sessions = SessionFactory.builder(engine).entities(EnhancedUser.class, EnhancedOrder.class).build();
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    /**
     * Workload FlushPerRow, enhanced classes: adds {@code count} orders one at a time in one transaction,
     * flushing after each to read its id; with {@code expunge}, each order leaves the session after its flush.
     */
    public long insertOrdersFlushingEach(int count, boolean expunge) {
        long sum = 0;
        try (Session s = sessions.open()) {
            for (int i = 0; i < count; i++) {
                EnhancedOrder o = new EnhancedOrder(io.athanor.bench.Inputs.userOf(i), io.athanor.bench.Inputs.productNameOf(i),
                        io.athanor.bench.Inputs.totalOf(i), io.athanor.bench.Inputs.CREATED_AT);
                s.add(o);
                s.flush();
                sum += o.getId();
                if (expunge) {
                    s.expunge(o);
                }
            }
            s.commit();
        }
        return sum;
    }

    /** Workload 4, select-in, enhanced classes. */
    public List<EnhancedUser> usersWithOrdersSelectIn(int users) {
        try (Session s = sessions.open()) {
            return s.select(EnhancedUser.class).where(EnhancedUser_.id.le((long) users)).orderBy(EnhancedUser_.id).list();
        }
    }

    /** Workload 4, joined, enhanced classes. */
    public List<EnhancedUser> usersWithOrdersJoined(int users) {
        try (Session s = sessions.open()) {
            return s.select(EnhancedUser.class).options(joinedLoad(EnhancedUser_.orders))
                    .where(EnhancedUser_.id.le((long) users)).orderBy(EnhancedUser_.id).list();
        }
    }
}

package io.athanor.orm.micrometer;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionListener;
import io.athanor.orm.engine.AfterExecuteEvent;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes what an engine and its sessions do to a Micrometer {@link MeterRegistry}:
 * <ul>
 *   <li>{@value #STATEMENTS} — a timer of every statement, tagged {@code kind} ({@code select}, {@code insert},
 *       {@code update}, {@code delete}, {@code ddl}, {@code other}), {@code batch} ({@code true}/{@code false})
 *       and {@code outcome} ({@code success}/{@code error}); its count is the number of statements;</li>
 *   <li>{@value #FLUSH_ROWS} — a distribution summary of the entities each flush writes;</li>
 *   <li>{@value #SESSIONS_OPENED} (counter), {@value #SESSIONS_ACTIVE} (gauge of sessions open now) and
 *       {@value #TRANSACTIONS} (counter tagged {@code outcome} {@code commit}/{@code rollback}).</li>
 * </ul>
 * Every meter is tagged {@code engine} with the engine's name. Pool figures are HikariCP's own: build the engine
 * with {@code Engine.builder(url).meterRegistry(registry)} and the pool publishes {@code hikaricp.connections.*}.
 *
 * <p>Thread-safe. Bind once per engine and registry; the returned registration stops the measuring and removes
 * the meters.
 */
public final class AthanorMetrics {
    /** Timer of statements. */
    public static final String STATEMENTS = "athanor.statements";
    /** Distribution summary of entities written per flush. */
    public static final String FLUSH_ROWS = "athanor.flush.rows";
    /** Counter of sessions opened. */
    public static final String SESSIONS_OPENED = "athanor.sessions.opened";
    /** Gauge of sessions open now. */
    public static final String SESSIONS_ACTIVE = "athanor.sessions.active";
    /** Counter of transactions ended, by outcome. */
    public static final String TRANSACTIONS = "athanor.transactions";

    private AthanorMetrics() {
    }

    /**
     * Measures the statements of {@code engine} (every statement, from sessions, queries or SQL text).
     *
     * @return the registration; {@code remove()} stops measuring and removes the meters from {@code registry}
     * @throws IllegalArgumentException if an argument is null
     */
    public static Registration bind(Engine engine, MeterRegistry registry) {
        require(engine, "engine");
        require(registry, "registry");
        Registrations all = new Registrations();
        bindStatements(engine, registry, all);
        return all;
    }

    /**
     * Measures the statements of {@code sessions}' engine and the sessions themselves: flush sizes, sessions
     * opened and open, transactions committed and rolled back.
     *
     * @return the registration; {@code remove()} stops measuring and removes the meters from {@code registry}
     * @throws IllegalArgumentException if an argument is null
     */
    public static Registration bind(SessionFactory sessions, MeterRegistry registry) {
        require(sessions, "sessions");
        require(registry, "registry");
        Registrations all = new Registrations();
        bindStatements(sessions.engine(), registry, all);
        bindSessions(sessions, registry, all);
        return all;
    }

    private static void bindStatements(Engine engine, MeterRegistry registry, Registrations all) {
        String name = engine.config().name();
        StatementKind[] kinds = StatementKind.values();
        // [kind][batch][failed]: looked up by index, so a statement costs no map lookup or allocation.
        Timer[][][] timers = new Timer[kinds.length][2][2];
        List<Meter> meters = new ArrayList<>();
        for (StatementKind kind : kinds) {
            for (int batch = 0; batch < 2; batch++) {
                for (int failed = 0; failed < 2; failed++) {
                    Timer t = Timer.builder(STATEMENTS)
                            .description("Statements run by the engine, from sending to the result read")
                            .tags(Tags.of("engine", name, "kind", kind.tag, "batch", Boolean.toString(batch == 1),
                                    "outcome", failed == 1 ? "error" : "success"))
                            .register(registry);
                    timers[kind.ordinal()][batch][failed] = t;
                    meters.add(t);
                }
            }
        }
        Registration after = engine.events().afterExecute((AfterExecuteEvent e) ->
                timers[StatementKind.of(e.sql()).ordinal()][e.batch() ? 1 : 0][e.failed() ? 1 : 0]
                        .record(e.elapsed().toNanos(), TimeUnit.NANOSECONDS));
        all.add(() -> {
            after.remove();
            meters.forEach(registry::remove);
        });
    }

    private static void bindSessions(SessionFactory sessions, MeterRegistry registry, Registrations all) {
        Tags tags = Tags.of("engine", sessions.engine().config().name());
        DistributionSummary flushes = DistributionSummary.builder(FLUSH_ROWS)
                .description("Entities (new, changed or deleted) written by each flush")
                .baseUnit("entities").tags(tags).register(registry);
        Counter opened = Counter.builder(SESSIONS_OPENED).description("Sessions opened").tags(tags).register(registry);
        AtomicInteger open = new AtomicInteger();
        Gauge active = Gauge.builder(SESSIONS_ACTIVE, open, AtomicInteger::get).description("Sessions open now")
                .tags(tags).register(registry);
        Counter commits = Counter.builder(TRANSACTIONS).description("Session transactions ended")
                .tags(tags.and("outcome", "commit")).register(registry);
        Counter rollbacks = Counter.builder(TRANSACTIONS).description("Session transactions ended")
                .tags(tags.and("outcome", "rollback")).register(registry);
        Registration listening = sessions.listen(new SessionListener() {
            @Override
            public void opened(Session session) {
                opened.increment();
                open.incrementAndGet();
            }

            @Override
            public void closed(Session session) {
                open.decrementAndGet();
            }

            @Override
            public void flushed(Session session, int entities) {
                flushes.record(entities);
            }

            @Override
            public void transactionEnded(Session session, boolean committed, Throwable failure) {
                (committed ? commits : rollbacks).increment();
            }
        });
        all.add(() -> {
            listening.remove();
            for (Meter m : List.of(flushes, opened, active, commits, rollbacks)) {
                registry.remove(m);
            }
        });
    }

    static void require(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null.");
        }
    }
}

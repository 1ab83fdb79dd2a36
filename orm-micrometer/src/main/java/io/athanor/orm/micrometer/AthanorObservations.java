package io.athanor.orm.micrometer;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionListener;
import io.athanor.orm.engine.AfterExecuteEvent;
import io.athanor.orm.engine.BeforeExecuteEvent;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps each statement of an engine, and each transaction of a session factory's sessions, in a Micrometer
 * {@link Observation}, so that tracing (OpenTelemetry or Brave through Micrometer Tracing) shows them as spans
 * and observation handlers can time them.
 *
 * <ul>
 *   <li>{@value #STATEMENT}: from sending a statement to its result. Low-cardinality keys {@code db.system}
 *       ({@code postgresql}, {@code mariadb}, {@code h2}, ...), {@code kind} ({@code select}, {@code insert},
 *       {@code update}, {@code delete}, {@code ddl}, {@code other}), {@code batch}, {@code outcome}
 *       ({@code success}/{@code error}) and {@code engine}; high-cardinality key {@code db.statement}, the SQL with
 *       its {@code ?} placeholders. Parameter values are never recorded. The observation is current (in scope)
 *       while the statement runs and its parent is the observation current on the calling thread.</li>
 *   <li>{@value #TRANSACTION}: from a session's transaction beginning (its first write, {@code begin()}) to its
 *       commit or rollback; keys {@code db.system}, {@code engine} and {@code outcome} ({@code commit}/
 *       {@code rollback}), and the failure that rolled it back as the observation's error. Its parent is the
 *       observation current when it began; it is not put in scope, since a transaction may end on another
 *       thread (async sessions).</li>
 * </ul>
 *
 * <p>Binding reads the database product from the engine once, which may check out a connection. Thread-safe.
 */
public final class AthanorObservations {
    /** The name of statement observations. */
    public static final String STATEMENT = "athanor.statement";
    /** The name of session transaction observations. */
    public static final String TRANSACTION = "athanor.transaction";

    private AthanorObservations() {
    }

    /**
     * Observes every statement {@code engine} runs.
     *
     * @return the registration; {@code remove()} stops observing
     * @throws IllegalArgumentException if an argument is null
     */
    public static Registration bind(Engine engine, ObservationRegistry registry) {
        AthanorMetrics.require(engine, "engine");
        AthanorMetrics.require(registry, "registry");
        Registrations all = new Registrations();
        bindStatements(engine, DatabaseSystem.of(engine), registry, all);
        return all;
    }

    /**
     * Observes every statement of {@code sessions}' engine, and the transactions of its sessions.
     *
     * @return the registration; {@code remove()} stops observing
     * @throws IllegalArgumentException if an argument is null
     */
    public static Registration bind(SessionFactory sessions, ObservationRegistry registry) {
        AthanorMetrics.require(sessions, "sessions");
        AthanorMetrics.require(registry, "registry");
        Registrations all = new Registrations();
        String system = DatabaseSystem.of(sessions.engine());
        bindStatements(sessions.engine(), system, registry, all);
        bindTransactions(sessions, system, registry, all);
        return all;
    }

    /** A statement's observation and scope, until its after event. */
    private static final class Running {
        final BeforeExecuteEvent event;
        final Observation observation;
        final Observation.Scope scope;

        Running(BeforeExecuteEvent event, Observation observation, Observation.Scope scope) {
            this.event = event;
            this.observation = observation;
            this.scope = scope;
        }
    }

    private static void bindStatements(Engine engine, String system, ObservationRegistry registry, Registrations all) {
        String name = engine.config().name();
        // Before and after events of a statement run on its thread; statements may nest (a listener's own).
        ThreadLocal<ArrayDeque<Running>> running = ThreadLocal.withInitial(ArrayDeque::new);
        Registration before = engine.events().beforeExecute(e -> {
            StatementKind kind = StatementKind.of(e.sql());
            Observation o = Observation.createNotStarted(STATEMENT, registry)
                    .contextualName(kind.tag)
                    .lowCardinalityKeyValue("db.system", system)
                    .lowCardinalityKeyValue("kind", kind.tag)
                    .lowCardinalityKeyValue("batch", Boolean.toString(e.batch()))
                    .lowCardinalityKeyValue("engine", name)
                    .highCardinalityKeyValue("db.statement", e.sql())
                    .start();
            running.get().push(new Running(e, o, o.openScope()));
        });
        Registration after = engine.events().afterExecute((AfterExecuteEvent e) -> {
            ArrayDeque<Running> stack = running.get();
            for (Iterator<Running> it = stack.iterator(); it.hasNext(); ) {
                Running r = it.next();
                if (r.event == e.statement()) {
                    it.remove();
                    r.scope.close();
                    r.observation.lowCardinalityKeyValue("outcome", e.failed() ? "error" : "success");
                    e.failure().ifPresent(r.observation::error);
                    r.observation.stop();
                    break;
                }
            }
            if (stack.isEmpty()) {
                running.remove();
            }
        });
        all.add(() -> {
            before.remove();
            after.remove();
        });
    }

    private static void bindTransactions(SessionFactory sessions, String system, ObservationRegistry registry,
                                         Registrations all) {
        String name = sessions.engine().config().name();
        Map<Session, Observation> open = new ConcurrentHashMap<>();
        Registration listening = sessions.listen(new SessionListener() {
            @Override
            public void transactionBegun(Session session) {
                open.put(session, Observation.createNotStarted(TRANSACTION, registry)
                        .contextualName("transaction")
                        .lowCardinalityKeyValue("db.system", system)
                        .lowCardinalityKeyValue("engine", name)
                        .start());
            }

            @Override
            public void transactionEnded(Session session, boolean committed, Throwable failure) {
                Observation o = open.remove(session);
                if (o != null) {
                    o.lowCardinalityKeyValue("outcome", committed ? "commit" : "rollback");
                    if (failure != null) {
                        o.error(failure);
                    }
                    o.stop();
                }
            }
        });
        all.add(listening::remove);
    }
}

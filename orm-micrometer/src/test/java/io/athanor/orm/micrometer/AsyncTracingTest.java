package io.athanor.orm.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.AsyncSessionFactory;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import io.athanor.orm.engine.Text;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Async sessions on an executor wrapped by Micrometer's context propagation: the statements and transactions run on
 * the executor's threads are children of the observation current where the work was called, so a trace shows them
 * under the request that asked for them.
 */
class AsyncTracingTest {
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        ObservationThreadLocalAccessor.getInstance().setObservationRegistry(registry);
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        ObservationThreadLocalAccessor.getInstance().setObservationRegistry(io.micrometer.observation.ObservationRegistry.NOOP);
    }

    private List<Observation.Context> named(String name) {
        return stopped.stream().filter(c -> c.getName().equals(name)).toList();
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void workOnAContextPropagatingExecutorIsTracedUnderTheCallersObservation(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(2).maxOverflow(0));
        SessionFactory sessions = SessionFactory.builder(engine).entities(Reading.class).build();
        sessions.schema().dropAll();
        sessions.schema().createAll();
        ExecutorService traced = ContextExecutorService.wrap(pool, () -> ContextSnapshotFactory.builder().build().captureAll());
        AsyncSessionFactory async = sessions.async(traced);
        String caller = Thread.currentThread().getName();
        Observation request = Observation.start("request", registry);
        try (Registration observations = AthanorObservations.bind(sessions, registry)) {
            String worker;
            try (Observation.Scope scope = request.openScope()) {
                worker = async.inTransaction(s -> {
                    s.add(new Reading("traced"));
                    s.flush();
                    s.execute(Text.text("select 1"));
                    return Thread.currentThread().getName();
                }).get();
            }
            request.stop();
            assertThat(worker).isNotEqualTo(caller);
        }
        assertThat(named(AthanorObservations.STATEMENT)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.getParentObservation()).isSameAs(request));
        assertThat(named(AthanorObservations.TRANSACTION)).singleElement()
                .satisfies(c -> assertThat(c.getParentObservation()).isSameAs(request));
        assertThat(registry.getCurrentObservation()).isNull();
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void aPlainExecutorDoesNotCarryTheObservationSoTheWorkStartsItsOwnTrace(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(2).maxOverflow(0));
        SessionFactory sessions = SessionFactory.builder(engine).entities(Reading.class).build();
        AsyncSessionFactory async = sessions.async(pool);
        Observation request = Observation.start("request", registry);
        try (Registration statements = AthanorObservations.bind(engine, registry)) {
            try (Observation.Scope scope = request.openScope()) {
                async.run(s -> s.execute(Text.text("select 1"))).get();
            }
            request.stop();
        }
        assertThat(named(AthanorObservations.STATEMENT)).singleElement()
                .satisfies(c -> assertThat(c.getParentObservation()).isNull());
    }
}

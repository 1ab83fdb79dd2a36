package io.athanor.orm.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/** The code of docs/observability.md, run on PostgreSQL. */
class ObservabilityGuideTest {

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void metricsObservationsAndTheApplicationsExecutor(TestDatabase db) throws Exception {
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.server().user();
        MeterRegistry meterRegistry = new SimpleMeterRegistry();
        ObservationRegistry observationRegistry = TestObservationRegistry.create();
        // tag::bind[]
        Engine engine = Engine.builder(url)
                .name("orders")                            // the pool and engine tags
                .meterRegistry(meterRegistry)              // HikariCP publishes hikaricp.connections.*
                .build();
        SessionFactory sessions = SessionFactory.builder(engine).entities(Reading.class).build();
        Registration metrics = AthanorMetrics.bind(sessions, meterRegistry);              // athanor.* meters
        Registration tracing = AthanorObservations.bind(sessions, observationRegistry);   // spans
        // end::bind[]
        try {
            sessions.schema().dropAll();
            sessions.schema().createAll();
            try (Session s = sessions.open()) {
                s.add(new Reading("guide"));
                s.commit();
            }
            assertThat(meterRegistry.get(AthanorMetrics.STATEMENTS).tags("kind", "insert").timers()).isNotEmpty();
            assertThat(meterRegistry.get("hikaricp.connections").tag("pool", "orders").gauge()).isNotNull();
            TestObservationRegistryAssert.assertThat((TestObservationRegistry) observationRegistry)
                    .hasObservationWithNameEqualTo(AthanorObservations.TRANSACTION);

            // tag::executor[]
            ExecutorService executor = Executors.newFixedThreadPool(4);   // or the application's own
            MDC.put("request", "r-42");
            String seen = sessions.async(executor)
                    .run(session -> MDC.get("request"))                   // the caller's MDC, on the worker
                    .get(30, TimeUnit.SECONDS);
            // end::executor[]
            MDC.remove("request");
            executor.shutdown();
            assertThat(seen).isEqualTo("r-42");
        } finally {
            tracing.remove();
            metrics.remove();
            engine.close();
        }
    }
}

package io.athanor.orm.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;

/** Statement timers, flush sizes, session and transaction figures, and HikariCP's pool figures in one registry. */
class AthanorMetricsTest {

    private static long count(SimpleMeterRegistry registry, String kind, String outcome) {
        return registry.find(AthanorMetrics.STATEMENTS).tags("kind", kind, "outcome", outcome).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    @DatabaseTest
    void statementsFlushesSessionsAndThePoolAreMeasured(TestDatabase db) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String name = "metrics-" + db.kind().label();
        Engine engine = db.newEngine(b -> b.name(name).poolSize(1).maxOverflow(1).meterRegistry(registry));
        SessionFactory sessions = SessionFactory.builder(engine).entities(Reading.class).build();
        Registration metrics = AthanorMetrics.bind(sessions, registry);
        sessions.schema().dropAll();
        sessions.schema().createAll();
        assertThat(count(registry, "ddl", "success")).isPositive();

        try (Session s = sessions.open()) {
            s.add(new Reading("a"));
            s.add(new Reading("b"));
            s.add(new Reading("c"));
            s.commit();
            assertThat(s.select(Reading.class).list()).hasSize(3);
            assertThat(registry.get(AthanorMetrics.SESSIONS_ACTIVE).gauge().value()).isEqualTo(1.0);
        }
        assertThat(count(registry, "insert", "success")).isPositive();
        assertThat(count(registry, "select", "success")).isPositive();
        assertThat(registry.get(AthanorMetrics.FLUSH_ROWS).summary().count()).isEqualTo(1);
        assertThat(registry.get(AthanorMetrics.FLUSH_ROWS).summary().totalAmount()).isEqualTo(3.0);
        assertThat(registry.get(AthanorMetrics.SESSIONS_OPENED).counter().count()).isGreaterThanOrEqualTo(1.0);
        assertThat(registry.get(AthanorMetrics.SESSIONS_ACTIVE).gauge().value()).isZero();
        assertThat(registry.get(AthanorMetrics.TRANSACTIONS).tag("outcome", "commit").counter().count()).isEqualTo(1.0);

        // A failed flush is a statement error and a rolled-back transaction.
        double rollbacks = registry.get(AthanorMetrics.TRANSACTIONS).tag("outcome", "rollback").counter().count();
        try (Session s = sessions.open()) {
            s.add(new Reading("a"));
            assertThatThrownBy(s::commit).isInstanceOf(DatabaseException.class);
        }
        assertThat(count(registry, "insert", "error")).isEqualTo(1);
        assertThat(registry.get(AthanorMetrics.TRANSACTIONS).tag("outcome", "rollback").counter().count())
                .isEqualTo(rollbacks + 1);
        assertThat(registry.get(AthanorMetrics.STATEMENTS).tags("engine", name).timers()).isNotEmpty();

        // The pool's figures are HikariCP's own, under the engine's name.
        Gauge connections = registry.find("hikaricp.connections").tag("pool", name).gauge();
        assertThat(connections).isNotNull();
        assertThat(connections.value()).isGreaterThanOrEqualTo(1.0);

        metrics.remove();
        assertThat(registry.find(AthanorMetrics.STATEMENTS).timers()).isEmpty();
        assertThat(registry.find(AthanorMetrics.FLUSH_ROWS).summaries()).isEmpty();
        engine.runInTransaction(c -> c.execute(Text.text("select 1")));
        assertThat(registry.find(AthanorMetrics.STATEMENTS).timers()).isEmpty();
    }

    @DatabaseTest(DatabaseKind.H2)
    @SuppressWarnings("try")
    void anEngineAloneHasItsStatementsTimedByKindAndBatch(TestDatabase db) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        try (Registration metrics = AthanorMetrics.bind(engine, registry)) {
            engine.runInTransaction(c -> {
                c.execute(Text.text("create table gauges (id int)"));
                c.executeBatch(Text.text("insert into gauges (id) values (:id)"),
                        java.util.List.of(Map.of("id", 1), Map.of("id", 2)));
                c.execute(Text.text("/* counted */ select count(*) from gauges"));
                c.execute(Text.text("drop table gauges"));
            });
            assertThat(registry.get(AthanorMetrics.STATEMENTS).tags("kind", "insert", "batch", "true").timer().count())
                    .isEqualTo(1);
            assertThat(count(registry, "select", "success")).isEqualTo(1);
            assertThat(count(registry, "ddl", "success")).isEqualTo(2);
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void theEngineBuilderTakesOnlyAMeterRegistry(TestDatabase db) {
        assertThatThrownBy(() -> db.engineBuilder().meterRegistry("registry"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("meterRegistry needs an io.micrometer.core.instrument.MeterRegistry")
                .hasMessageContaining("java.lang.String");
        javax.sql.DataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        assertThatThrownBy(() -> Engine.builder(dataSource).meterRegistry(new SimpleMeterRegistry()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("meterRegistry")
                .hasMessageContaining("DataSource you supply");
    }
}

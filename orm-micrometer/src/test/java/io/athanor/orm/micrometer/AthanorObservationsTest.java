package io.athanor.orm.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Statements and session transactions as Micrometer observations: what tracing sees. */
class AthanorObservationsTest {

    /** Keeps every stopped observation's context, in order. */
    private static List<Observation.Context> stopped(TestObservationRegistry registry) {
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
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
        return stopped;
    }

    private static String key(Observation.Context c, String key) {
        KeyValue low = c.getLowCardinalityKeyValue(key);
        if (low != null) {
            return low.getValue();
        }
        KeyValue high = c.getHighCardinalityKeyValue(key);
        return high == null ? null : high.getValue();
    }

    private static String system(TestDatabase db) {
        switch (db.kind()) {
            case POSTGRESQL:
                return "postgresql";
            case MARIADB:
                return "mariadb";
            default:
                return "h2";
        }
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void everyStatementIsAnObservationInScopeWithItsSqlButNotItsValues(TestDatabase db) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        List<Observation.Context> stopped = stopped(registry);
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        AtomicReference<Observation> currentDuringStatement = new AtomicReference<>();
        Observation request = Observation.createNotStarted("request", registry);
        try (Registration observations = AthanorObservations.bind(engine, registry);
             Registration probe = engine.events().beforeExecute(e -> currentDuringStatement.set(registry.getCurrentObservation()))) {
            request.start();
            try (Observation.Scope scope = request.openScope()) {
                engine.runInTransaction(c -> c.execute(Text.text("select :secret as s"), Map.of("secret", "hunter2")));
            }
            request.stop();
            assertThatThrownBy(() -> engine.runInTransaction(c -> c.execute(Text.text("select * from no_such_table"))))
                    .isInstanceOf(DatabaseException.class);
        }

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(AthanorObservations.STATEMENT, 2)
                .hasObservationWithNameEqualTo(AthanorObservations.STATEMENT).that().hasBeenStarted().hasBeenStopped();
        List<Observation.Context> statements = stopped.stream()
                .filter(c -> c.getName().equals(AthanorObservations.STATEMENT)).toList();
        Observation.Context ok = statements.get(0);
        assertThat(key(ok, "kind")).isEqualTo("select");
        assertThat(key(ok, "outcome")).isEqualTo("success");
        assertThat(key(ok, "batch")).isEqualTo("false");
        assertThat(key(ok, "db.system")).isEqualTo(system(db));
        assertThat(key(ok, "db.statement")).isEqualTo("select ? as s");
        assertThat(ok.getAllKeyValues().stream().map(KeyValue::getValue)).doesNotContain("hunter2");
        assertThat(ok.getParentObservation()).isSameAs(request);
        assertThat(currentDuringStatement.get()).isNotNull().isNotSameAs(request);
        assertThat(currentDuringStatement.get().getContextView().getName()).isEqualTo(AthanorObservations.STATEMENT);

        Observation.Context failed = statements.get(1);
        assertThat(key(failed, "outcome")).isEqualTo("error");
        assertThat(failed.getError()).isInstanceOf(DatabaseException.class);
        assertThat(registry.getCurrentObservation()).isNull();
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void sessionTransactionsAreObservationsFromBeginToCommitOrRollback(TestDatabase db) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        List<Observation.Context> stopped = stopped(registry);
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        SessionFactory sessions = SessionFactory.builder(engine).entities(Reading.class).build();
        sessions.schema().dropAll();
        sessions.schema().createAll();
        try (Registration observations = AthanorObservations.bind(sessions, registry)) {
            try (Session s = sessions.open()) {
                s.add(new Reading("first"));
                s.commit();
            }
            try (Session s = sessions.open()) {
                s.add(new Reading("first"));
                assertThatThrownBy(s::commit).isInstanceOf(DatabaseException.class);
            }
            try (Session s = sessions.open()) {
                s.begin();
                s.add(new Reading("second"));
                s.flush();
                s.rollback();
            }
        }
        List<Observation.Context> transactions = stopped.stream()
                .filter(c -> c.getName().equals(AthanorObservations.TRANSACTION)).toList();
        assertThat(transactions).extracting(c -> key(c, "outcome")).containsExactly("commit", "rollback", "rollback");
        assertThat(transactions).extracting(c -> key(c, "db.system")).containsOnly(system(db));
        assertThat(transactions.get(0).getError()).isNull();
        assertThat(transactions.get(1).getError()).isInstanceOf(DatabaseException.class);
        assertThat(transactions.get(2).getError()).isNull();
        TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo(AthanorObservations.TRANSACTION)
                .that().hasBeenStarted().hasBeenStopped();
        assertThat(stopped).filteredOn(c -> c.getName().equals(AthanorObservations.STATEMENT))
                .extracting(c -> key(c, "kind")).contains("insert");
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void twoBindingsOfOneEngineNestTheirScopesAndLeaveNoneOpen(TestDatabase db) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        List<Observation.Context> stopped = stopped(registry);
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        SessionFactory sessions = SessionFactory.builder(engine).entities(Reading.class).build();
        Observation request = Observation.start("request", registry);
        try (Registration first = AthanorObservations.bind(engine, registry);
             Registration second = AthanorObservations.bind(sessions, registry);
             Observation.Scope scope = request.openScope()) {
            engine.runInTransaction(c -> c.execute(Text.text("select 1")));
            assertThat(registry.getCurrentObservation()).isSameAs(request);
            engine.runInTransaction(c -> c.execute(Text.text("select 2")));
            assertThat(registry.getCurrentObservation()).isSameAs(request);
        }
        request.stop();
        List<Observation.Context> statements = stopped.stream()
                .filter(c -> c.getName().equals(AthanorObservations.STATEMENT)).toList();
        assertThat(statements).hasSize(4);
        assertThat(statements).filteredOn(c -> c.getParentObservation() == request).hasSize(2);
        assertThat(registry.getCurrentObservation()).isNull();
    }
}

package io.athanor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.examples.model.Article;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.IsolationLevel;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Guide examples that need PostgreSQL: an engine with every pool setting, and bulk inserts by COPY. */
class GuidePostgresExamplesTest {

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void anEngineWithEverySetting(TestDatabase db) {
        String url = urlWithLogin(db);
        // tag::engine-builder[]
        Engine engine = Engine.builder(url)            // e.g. "postgresql://user:password@localhost/dbname"
                .poolSize(20)                          // connections kept open          (default 5)
                .maxOverflow(30)                       // extra ones under load          (default 10)
                .poolTimeout(Duration.ofSeconds(30))   // wait for a free connection     (default 30 s, min 250 ms)
                .poolRecycle(Duration.ofMinutes(30))   // replace connections this old   (default 30 min, min 30 s, ZERO = never)
                .overflowIdleTimeout(Duration.ofSeconds(30)) // close idle overflow ones (default 30 s, min 10 s)
                .prePing(true)                         // check alive on checkout        (default off)
                .echo(false)                           // log every statement            (default off)
                .hideParameters(false)                 // keep values out of logs/errors (default off)
                .isolationLevel(IsolationLevel.READ_COMMITTED)
                .connectionProperty("ApplicationName", "billing")   // a driver property (sslmode, ...)
                .build();
        // end::engine-builder[]
        try (engine) {
            assertThat(engine.config().maxConnections()).isEqualTo(50);
            assertThat(engine.pool().max()).isEqualTo(50);
            try (Connection c = engine.connect()) {
                assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
                assertThat(c.execute(Text.text("select current_setting('application_name')")).scalar(String.class))
                        .isEqualTo("billing");
            }
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void settingsAreCheckedAndPasswordsKeptOut(TestDatabase db) {
        assertThatThrownBy(() -> Engine.builder(urlWithLogin(db)).poolTimeout(Duration.ofMillis(100)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("poolTimeout").hasMessageContaining("at least 250 ms");
        assertThat(Engine.builder("postgresql://user:s3cret@localhost/dbname").freeze().toString())
                .contains("jdbc:postgresql://localhost/dbname").doesNotContain("s3cret");
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void bulkOperations(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(User.class, Order.class, Article.class).build();
        sessions.schema().createAll();
        try (Session session = sessions.open()) {
            User ada = new User("Ada Lovelace");
            session.add(ada);
            session.commit();
            List<Map<String, Object>> updates = List.of(Map.of("id", ada.getId(), "name", "Ada King"));
            List<Map<String, Object>> rows = List.of(Map.of("name", "Alan Turing"), Map.of("name", "Grace Hopper"));
            // tag::bulk-operations[]
            session.bulkUpdateMappings(User.class, updates);      // the seed's bulk_update_mappings
            session.bulkInsertMappings(User.class, rows);         // batched INSERTs
            session.bulkInsertMappings(User.class, rows, BulkMode.COPY);   // PostgreSQL COPY
            // end::bulk-operations[]
            session.commit();
            assertThat(ada.getName()).as("instances in the session take the written values").isEqualTo("Ada King");
            assertThat(session.select(User_.name).orderBy(User_.name).list()).extracting(r -> r.get(0, String.class))
                    .containsExactly("Ada King", "Alan Turing", "Alan Turing", "Grace Hopper", "Grace Hopper");
        } finally {
            sessions.schema().dropAll();
        }
    }

    /** The test database's URL with its login, as an application would configure it. */
    private static String urlWithLogin(TestDatabase db) {
        String url = db.jdbcUrl() + "&user=" + db.server().user();
        return db.server().password() == null ? url : url + "&password=" + db.server().password();
    }
}

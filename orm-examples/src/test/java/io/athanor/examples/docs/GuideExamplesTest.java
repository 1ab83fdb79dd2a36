package io.athanor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.examples.model.Article;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.AsyncSession;
import io.athanor.orm.Retry;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.IsolationLevel;
import io.athanor.orm.engine.Params;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.UniqueViolationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Code the guide quotes that the example app does not run: error handling, isolation with retries,
 * asynchronous sessions of several steps, bulk inserts. Each example runs here, on embedded H2.
 */
class GuideExamplesTest {
    private Engine engine;
    private SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = Engine.builder("h2:mem:guide_examples").build();
        sessions = SessionFactory.builder(engine).entities(User.class, Order.class, Article.class).build();
        sessions.schema().createAll();
    }

    @AfterEach
    void close() {
        sessions.schema().dropAll();
        engine.close();
    }

    @Test
    void aDuplicateKeyIsAUniqueViolation() {
        Long id = sessions.inTransaction(s -> {
            User ada = new User("Ada Lovelace");
            s.add(ada);
            s.flush();
            return ada.getId();
        });
        String caught = null;
        // tag::unique-violation[]
        try {
            sessions.runInTransaction(session -> session.execute(
                    Text.text("insert into users (id, name) values (:id, :name)"),
                    Params.of("id", id, "name", "Ada again")));
        } catch (UniqueViolationException e) {
            caught = e.sqlState() + " " + e.sql() + " " + e.parameters();   // the SQL, its values, the driver's SQLState
        }
        // end::unique-violation[]
        assertThat(caught).startsWith("23505 insert into users").endsWith("[" + id + ", Ada again]");
    }

    @Test
    void isolationAndRetries() {
        // tag::isolation-retry[]
        long users = sessions.inTransaction(
                SessionOptions.isolation(IsolationLevel.SERIALIZABLE),
                Retry.retry(3),                                    // up to 3 runs in all on a conflict
                session -> session.select(User.class).count());
        // end::isolation-retry[]
        assertThat(users).isZero();
    }

    @Test
    void anAsyncSessionRunsItsStepsInOrder() throws Exception {
        // tag::async-session[]
        try (AsyncSession session = sessions.async().open()) {
            User grace = new User("Grace Hopper");
            session.add(grace);
            session.commit();                                      // runs after add, before the query
            List<User> users = session.list(io.athanor.orm.query.Sql.select(User.class))
                    .get(30, TimeUnit.SECONDS);
            assertThat(users).extracting(User::getName).containsExactly("Grace Hopper");
        }
        // end::async-session[]
    }

    @Test
    void bulkInsertByMappings() {
        // tag::bulk-insert[]
        long inserted = sessions.inTransaction(session -> session.bulkInsertMappings(User.class, List.of(
                Map.of("name", "Ada Lovelace"),
                Map.of("name", "Alan Turing"),
                Map.of("name", "Grace Hopper"))));
        // end::bulk-insert[]
        assertThat(inserted).isEqualTo(3);
        try (Session s = sessions.open()) {
            assertThat(s.select(User_.name).orderBy(User_.name).list()).hasSize(3);
        }
    }
}

package io.athanor.examples.docs;

import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.select;
import static io.athanor.orm.query.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.examples.model.Article;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.Order_;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.AsyncSession;
import io.athanor.orm.Retry;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.IsolationLevel;
import io.athanor.orm.engine.Params;
import io.athanor.orm.engine.PoolStatus;
import io.athanor.orm.engine.Registration;
import io.athanor.orm.engine.Row;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Table;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Code the guide quotes that the example app does not run: connections and events, queries, the unit of
 * work, error handling, isolation with retries, asynchronous sessions, bulk inserts, recording SQL in
 * tests. Each example runs here, on embedded H2.
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

    @Test
    void connectionsCommitWhatTheyKeep() {
        AccountRepository accounts = new AccountRepository(engine);
        accounts.createTable();
        accounts.open(1, new BigDecimal("100.00"));
        accounts.open(2, BigDecimal.ZERO);
        accounts.transfer(1, 2, new BigDecimal("25.00"));
        accounts.withdrawWithoutCommit(1, new BigDecimal("50.00"));
        assertThat(accounts.balance(1)).as("close() rolled the withdrawal back").isEqualByComparingTo("75.00");
        assertThat(accounts.balance(2)).isEqualByComparingTo("25.00");
    }

    @Test
    void engineEvents() {
        List<String> sent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<PoolStatus> checkouts = new ArrayList<>();
        List<Duration> held = new ArrayList<>();
        // tag::engine-events[]
        engine.events().beforeExecute(e -> sent.add(e.sql()));             // SQL and parameters, before sending
        engine.events().afterExecute(e -> {                                // plus elapsed time, row count, error
            if (e.failed()) failed.add(e.sql());
        });
        engine.events().onCheckout(e -> checkouts.add(e.pool()));          // wait time and pool figures
        engine.events().onCheckin(e -> held.add(e.held()));                // how long it was held
        engine.events().slowQueryLog(Duration.ofMillis(100));              // WARN on io.athanor.orm.sql.slow
        // end::engine-events[]
        try (Connection c = engine.connect()) {
            c.execute(Text.text("select count(*) from users"));
            assertThatThrownBy(() -> c.execute(Text.text("select * from no_such_table")))
                    .isInstanceOf(DatabaseException.class);
            c.rollback();
        }
        assertThat(sent).containsExactly("select count(*) from users", "select * from no_such_table");
        assertThat(failed).containsExactly("select * from no_such_table");
        assertThat(checkouts).singleElement().satisfies(p -> assertThat(p.active()).isEqualTo(1));
        assertThat(held).hasSize(1);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheStatement() {
        List<String> seen = new ArrayList<>();
        Registration broken = engine.events().beforeExecute(e -> {
            throw new IllegalStateException("a broken listener");
        });
        Registration after = engine.events().afterExecute(e -> seen.add(e.sql()));
        try (Connection c = engine.connect()) {
            assertThat(c.execute(Text.text("select 1")).scalar(Integer.class)).isEqualTo(1);
            broken.remove();
            after.remove();
            c.execute(Text.text("select 2"));
        }
        assertThat(seen).containsExactly("select 1");
    }

    @Test
    void queriesThroughTheMetamodel() {
        LocalDateTime now = LocalDateTime.now();
        sessions.runInTransaction(s -> {
            User ada = new User("Ada Lovelace");
            User grace = new User("Grace Hopper");
            s.addAll(List.of(ada, grace, new User("Alan Turing")));
            s.add(new Order(ada, "Notebook", new BigDecimal("12.50"), now.minusDays(2)));
            s.add(new Order(ada, "Pencils", new BigDecimal("3.00"), now.minusDays(40)));
            s.add(new Order(grace, "Compiler manual", new BigDecimal("40.00"), now.minusDays(60)));
        });
        try (SqlRecorder sql = SqlRecorder.attach(engine)) {
            // tag::select-and-subquery[]
            try (Session s = sessions.open()) {
                // the seed's get_user_statistics
                List<Row> stats = s.select(User_.id, User_.name,
                                           count(Order_.id).as("order_count"), sum(Order_.amount).as("total_spent"))
                        .outerJoin(Order.class)                 // ON inferred from the foreign key
                        .groupBy(User_.id, User_.name)
                        .list();

                // the seed's get_active_users_with_orders
                Select<Row> recent = s.select(Order_.userId)
                        .where(Order_.createdAt.gt(LocalDateTime.now().minusDays(30)))
                        .subquery();
                List<User> active = s.select(User.class).where(User_.id.in(recent)).list();
            }
            // end::select-and-subquery[]
            assertThat(sql.statements().get(0).sql()).containsIgnoringCase("left outer join orders")
                    .containsIgnoringCase("group by");
            assertThat(sql.statements().get(0).rowCount()).as("every user, with or without orders").isEqualTo(3);
            assertThat(sql.statements().get(1).sql()).containsIgnoringCase("in (select");
            assertThat(sql.statements().get(1).rowCount()).as("Ada alone ordered in the last 30 days").isEqualTo(1);
        }
    }

    @Test
    void reportingOnATableWithoutAnEntity() {
        sessions.runInTransaction(s -> {
            User ada = new User("Ada Lovelace");
            User alan = new User("Alan Turing");
            s.addAll(List.of(ada, alan));
            s.add(new Order(ada, "Notebook", new BigDecimal("12.50"), LocalDateTime.now()));
            s.add(new Order(alan, "Pencils", new BigDecimal("3.00"), LocalDateTime.now()));
        });
        try (Session session = sessions.open()) {
            // tag::core-tables[]
            Table orders = Table.of("orders");
            Table.Column<Long> userId = orders.column("user_id", Long.class);
            Table.Column<BigDecimal> amount = orders.column("amount", BigDecimal.class);
            List<Row> totals = session.list(select(userId, sum(amount).as("total"))
                    .groupBy(userId).having(sum(amount).gt(BigDecimal.TEN)));
            // end::core-tables[]
            assertThat(totals).singleElement().satisfies(r -> assertThat(r.get("total", BigDecimal.class))
                    .isEqualByComparingTo("12.50"));
        }
    }

    /** One order of the seed's {@code orders_data}. */
    record OrderData(String product, BigDecimal amount, LocalDateTime createdAt) {
    }

    @Test
    void theUnitOfWork() {
        List<OrderData> ordersData = List.of(
                new OrderData("Notebook", new BigDecimal("12.50"), LocalDateTime.now()),
                new OrderData("Pencils", new BigDecimal("3.00"), LocalDateTime.now()));
        // tag::unit-of-work[]
        SessionFactory sessions = SessionFactory.builder(engine)
                .autoflush(false)                       // the seed's sessionmaker(autoflush=False); the default
                .entities(User.class, Order.class, Article.class)
                .build();

        // the seed's create_user_with_orders, with get_db_session() as inTransaction
        User user = sessions.inTransaction(session -> {
            User u = new User("ada");
            session.add(u);
            session.flush();                            // INSERT now: u.getId() is set, nothing committed yet
            for (var data : ordersData) {
                session.add(new Order(data.product(), data.amount(), data.createdAt(), u.getId()));
            }
            return u;                                   // commit on return; rollback and rethrow on any exception
        });
        // end::unit-of-work[]
        try (Session s = sessions.open()) {
            assertThat(s.select(Order.class).where(Order_.userId.eq(user.getId())).count()).isEqualTo(2);
        }
        assertThatThrownBy(() -> sessions.runInTransaction(session -> {
            session.add(new User("grace"));
            session.flush();
            throw new IllegalStateException("no orders");
        })).isInstanceOf(IllegalStateException.class);
        try (Session s = sessions.open()) {
            assertThat(s.select(User_.name).list()).extracting(r -> r.get(0, String.class)).containsExactly("ada");
        }
    }

    @Test
    void readOnlySessionsIsolationAndRetries() {
        sessions.runInTransaction(s -> s.add(new User("Ada Lovelace")));
        // tag::read-only-isolation-retry[]
        List<User> everyone;
        try (Session s = sessions.open(SessionOptions.readOnly())) {                 // the seed's get_readonly_session()
            everyone = s.select(User.class).list();
        }
        try (Session s = sessions.open(SessionOptions.isolation(IsolationLevel.SERIALIZABLE))) {
            s.add(new User("Grace Hopper"));
            s.commit();
        }
        long users = sessions.inTransaction(SessionOptions.isolation(IsolationLevel.REPEATABLE_READ), Retry.retry(3),
                s -> s.select(User.class).count());                                 // run again on a conflict, 3 runs at most
        // end::read-only-isolation-retry[]
        assertThat(everyone).extracting(User::getName).containsExactly("Ada Lovelace");
        assertThat(users).isEqualTo(2);
        try (Session s = sessions.open(SessionOptions.readOnly()); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThatThrownBy(() -> s.add(new User("Alan Turing"))).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("read-only");
            assertThat(sql.count()).as("refused before any SQL").isZero();
        }
    }

    @Test
    void asyncSessionsReturnFutures() {
        sessions.runInTransaction(s -> s.add(new User("Ada Lovelace")));
        User user = new User("Alan Turing");
        Order order = new Order("Difference Engine", new BigDecimal("17.00"), LocalDateTime.now(), null);
        // tag::async-forms[]
        CompletableFuture<List<User>> users = sessions.async().run(s -> s.select(User.class).list());
        CompletableFuture<Long> id = sessions.async().inTransaction(s -> { s.add(user); s.flush(); return user.getId(); });
        CompletableFuture<List<Order>> orders;
        try (AsyncSession s = sessions.async().open()) { s.add(order); s.commit(); orders = s.list(select(Order.class)); }
        // end::async-forms[]
        assertThat(users.join()).extracting(User::getName).contains("Ada Lovelace");
        assertThat(id.join()).isEqualTo(user.getId()).isNotNull();
        assertThat(orders.join()).containsExactly(order);
    }

    @Test
    void recordingStatements() {
        sessions.runInTransaction(s -> {
            User ada = new User("Ada Lovelace");
            s.addAll(List.of(ada, new User("Alan Turing")));
            s.add(new Order(ada, "Notebook", new BigDecimal("12.50"), LocalDateTime.now()));
        });
        // tag::sql-recorder[]
        try (SqlRecorder sql = SqlRecorder.attach(engine); Session session = sessions.open()) {
            session.select(User.class).list();                    // User.orders loads with SELECTIN
            assertThat(sql.count()).isEqualTo(2);
            assertThat(sql.sql()).containsExactly(
                    "SELECT users.id, users.name FROM users",
                    "SELECT orders.id, orders.user_id, orders.product_name, orders.amount, orders.created_at"
                            + " FROM orders WHERE orders.user_id IN (?, ?) ORDER BY orders.id ASC");
        }
        // end::sql-recorder[]
    }
}

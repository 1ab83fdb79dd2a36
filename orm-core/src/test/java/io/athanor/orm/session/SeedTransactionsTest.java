package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.ForeignKeyViolationException;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The seed's transaction patterns, as written there, on PostgreSQL, MariaDB and H2. */
class SeedTransactionsTest {

    /** The seed's create_user_with_orders: flush for the user's id, then orders that refer to it. */
    static User createUserWithOrders(SessionFactory sessions, String name, List<Map<String, Object>> ordersData) {
        return sessions.inTransaction(session -> {
            User user = new User(name);
            session.add(user);
            session.flush();
            for (Map<String, Object> data : ordersData) {
                session.add(new Order((String) data.get("product_name"), (BigDecimal) data.get("amount"), user.getId()));
            }
            return user;
        });
    }

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(User.class, Order.class, Article.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest
    void createUserWithOrdersFlushesForTheIdThenCommits(Engine engine) {
        SessionFactory sessions = fresh(engine);
        try (SqlRecorder sql = SqlRecorder.attach(engine)) {
            User ada = createUserWithOrders(sessions, "ada", List.of(
                    Map.of("product_name", "book", "amount", new BigDecimal("12.50")),
                    Map.of("product_name", "pen", "amount", new BigDecimal("2.25"))));
            assertThat(ada.getId()).isNotNull();
            assertThat(sql.sql()).containsExactly("INSERT INTO users (name) VALUES (?)",
                    "INSERT INTO orders (user_id, product_name, amount, created_at) VALUES (?, ?, ?, ?)");
            try (Session s = sessions.open()) {
                assertThat(s.select(Order.class).where(Order_.userId.eq(ada.getId())).orderBy(Order_.id).list())
                        .extracting(Order::getProductName).containsExactly("book", "pen");
            }
        }
    }

    @DatabaseTest
    void aFailureInsideRollsBackEverythingIncludingTheFlushedUser(Engine engine) {
        SessionFactory sessions = fresh(engine);
        assertThatThrownBy(() -> sessions.runInTransaction(session -> {
            User grace = new User("grace");
            session.add(grace);
            session.flush();
            session.add(new Order("ghost", BigDecimal.ONE, grace.getId()));
            session.flush();
            throw new IllegalStateException("payment service down");
        })).hasMessage("payment service down");
        try (Session s = sessions.open()) {
            assertThat(s.select(User.class).count()).isZero();
            assertThat(s.select(Order.class).count()).isZero();
        }
    }

    @DatabaseTest
    void aConstraintViolationLeavesNothingWritten(Engine engine) {
        SessionFactory sessions = fresh(engine);
        assertThatThrownBy(() -> sessions.runInTransaction(session -> {
            User alan = new User("alan");
            session.add(alan);
            session.flush();
            session.add(new Order("fine", BigDecimal.TEN, alan.getId()));
            session.bulkInsertMappings(Order.class, List.of(Map.of("productName", "nobody's", "userId", 999_999L)));
        })).isInstanceOf(ForeignKeyViolationException.class);
        try (Session s = sessions.open()) {
            assertThat(s.select(User_.name).list()).isEmpty();
        }
    }
}

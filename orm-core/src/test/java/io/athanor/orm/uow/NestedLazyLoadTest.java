package io.athanor.orm.uow;

import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Athanor;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.shop.Order;
import io.athanor.orm.model.shop.Order_;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.model.shop.User_;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Defect 10: a path's deeper strategy applies below a lazy step, and a relationship's ORDER BY names its key once. */
class NestedLazyLoadTest {

    private static final Pattern ID = Pattern.compile("\\bid\\b", Pattern.CASE_INSENSITIVE);

    private static void seed(SessionFactory f, int users) {
        f.runInTransaction(s -> {
            for (int u = 0; u < users; u++) {
                User user = new User(String.format("u%02d", u));
                for (int o = 0; o < 2; o++) {
                    Order order = new Order("p" + o, user);
                    order.line("a");
                    order.line("b");
                }
                s.add(user);
            }
        });
    }

    /** The ORDER BY clause of {@code sql} (what follows the last ORDER BY). */
    private static String orderByClause(String sql) {
        int at = sql.toUpperCase(Locale.ROOT).lastIndexOf("ORDER BY");
        assertThat(at).as("ORDER BY in %s", sql).isNotNegative();
        return sql.substring(at + "ORDER BY".length());
    }

    private static int idsIn(String clause) {
        Matcher m = ID.matcher(clause);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Guards that lazyLoad(orders).selectinLoad(lines) adds one lines statement per lazy orders load: 1 + 50 + 50. */
    @DatabaseTest
    void selectinBelowALazyStepLoadsEachLazyBatchsChildrenInOneStatement(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        seed(f, 50);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<User> users = s.select(User.class).options(lazyLoad(User_.orders).selectinLoad(Order_.lines)).list();
            assertThat(users).hasSize(50);
            int lines = 0;
            for (User u : users) {
                assertThat(u.getOrders()).hasSize(2);
                for (Order o : u.getOrders()) {
                    lines += o.getLines().size();
                }
            }
            assertThat(lines).isEqualTo(200);
            assertThat(sql.count()).as("users, then per user: its orders, and their lines in one statement")
                    .isEqualTo(1 + 50 + 50);
        }
    }

    /**
     * Guards that the options below a lazy to-one apply when its reference loads: 1 statement for the orders,
     * then per user its row, its orders, and all their lines in one statement each (1 + 5 * 3).
     */
    @DatabaseTest
    void selectinBelowALazyReferenceLoadsWithTheReference(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        seed(f, 5);
        assertThat(statementsReadingUsersThroughOrders(engine, f,
                lazyLoad(Order_.user).selectinLoad(User_.orders).selectinLoad(Order_.lines), true))
                .as("orders, then per user: its row, its orders and their lines in one statement each")
                .isEqualTo(1 + 5 * 3);
    }

    /**
     * Guards that a lazy collection of a lazy reference keeps the options below it: the collection, made when the
     * reference was, takes them when the reference loads (1 + 5 * 3, not one lines statement per order).
     */
    @DatabaseTest
    void selectinBelowALazyCollectionOfALazyReferenceLoadsEachBatchInOneStatement(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        seed(f, 5);
        assertThat(statementsReadingUsersThroughOrders(engine, f,
                lazyLoad(Order_.user).lazyLoad(User_.orders).selectinLoad(Order_.lines), false))
                .as("orders, then per user: its row, its orders, and their lines in one statement")
                .isEqualTo(1 + 5 * 3);
    }

    /**
     * Reads 10 orders of 5 users with {@code option}, then every line of every order of each order's user; the
     * number of statements that took, including the query of orders.
     */
    private static int statementsReadingUsersThroughOrders(Engine engine, SessionFactory f, Load option,
                                                           boolean ordersLoadWithTheUser) {
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Order> orders = s.select(Order.class).options(option).list();
            assertThat(orders).hasSize(10);
            assertThat(Athanor.isLoaded(orders.get(0).getUser())).isFalse();
            Set<User> reached = Collections.newSetFromMap(new IdentityHashMap<>());
            int lines = 0;
            for (Order o : orders) {
                User u = o.getUser();
                assertThat(u.getName()).startsWith("u");
                if (reached.add(u)) {
                    assertThat(Athanor.isLoaded(u, User_.orders)).as("orders loaded with the user").isEqualTo(ordersLoadWithTheUser);
                }
                for (Order mine : u.getOrders()) {
                    lines += mine.getLines().size();
                }
            }
            assertThat(lines).as("each user is reached through both its orders").isEqualTo(10 * 2 * 2);
            return sql.count();
        }
    }

    /** Guards that a lazily loaded collection mapped with orderBy = "id" orders by the key once, not twice. */
    @DatabaseTest
    void aLazyCollectionOrderedByItsKeyNamesTheKeyOnce(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        seed(f, 1);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            User u = s.select(User.class).one();
            sql.clear();
            assertThat(u.getOrders()).extracting(Order::getProduct).containsExactly("p0", "p1");
            assertThat(sql.sql()).hasSize(1);
            String clause = orderByClause(sql.sql().get(0));
            assertThat(idsIn(clause)).as("times the key appears in ORDER BY%s", clause).isEqualTo(1);
        }
    }

    /** Guards that a selectin-loaded collection mapped with orderBy = "id" orders by the key once, not twice. */
    @DatabaseTest
    void aSelectinCollectionOrderedByItsKeyNamesTheKeyOnce(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        seed(f, 2);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Order> orders = s.select(Order.class).options(selectinLoad(Order_.lines)).list();
            assertThat(orders).hasSize(4).allSatisfy(o -> assertThat(o.getLines()).hasSize(2));
            assertThat(sql.sql()).hasSize(2);
            String clause = orderByClause(sql.sql().get(1));
            assertThat(idsIn(clause)).as("times the key appears in ORDER BY%s", clause).isEqualTo(1);
        }
    }
}

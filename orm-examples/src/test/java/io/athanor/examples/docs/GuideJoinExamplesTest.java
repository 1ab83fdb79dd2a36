package io.athanor.examples.docs;

import static io.athanor.orm.query.Loads.containsEager;
import static io.athanor.orm.query.Sql.aliased;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.entity;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.examples.docs.reports.Actor;
import io.athanor.examples.docs.reports.Actor_;
import io.athanor.examples.docs.reports.Category;
import io.athanor.examples.docs.reports.Category_;
import io.athanor.examples.docs.reports.Film;
import io.athanor.examples.docs.reports.Film_;
import io.athanor.examples.model.Article;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.Order_;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reporting examples of the query and loading guides: joins along relationships, contains-eager, entity rows. */
class GuideJoinExamplesTest {
    private Engine engine;
    private SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = Engine.builder("h2:mem:guide_reporting").build();
        sessions = SessionFactory.builder(engine)
                .entities(User.class, Order.class, Article.class, Film.class, Actor.class, Category.class)
                .build();
        sessions.schema().createAll();
        sessions.runInTransaction(s -> {
            User ada = new User("Ada");
            User grace = new User("Grace");
            s.addAll(List.of(ada, grace, new User("Alan")));
            s.add(new Order(ada, "Notebook", new BigDecimal("12.50"), LocalDateTime.now()));
            s.add(new Order(ada, "Engine", new BigDecimal("900.00"), LocalDateTime.now()));
            s.add(new Order(grace, "Compiler manual", new BigDecimal("40.00"), LocalDateTime.now()));
            Actor ada2 = new Actor("Ada");
            Actor bob = new Actor("Bob");
            s.addAll(List.of(ada2, bob, new Film("Difference", bob, ada2), new Film("Analytical", bob)));
            Category books = new Category("Books", null);
            s.addAll(List.of(books, new Category("Poetry", books), new Category("Science", books)));
        });
    }

    @AfterEach
    void close() {
        sessions.schema().dropAll();
        engine.close();
    }

    @Test
    void joinsAlongRelationships() {
        try (Session s = sessions.open()) {
            User ada = s.select(User.class).where(User_.name.eq("Ada")).one();
            // tag::relationship-joins[]
            List<User> bigSpenders = s.select(User.class)
                    .join(User_.orders)                                   // users JOIN orders ON orders.user_id = users.id
                    .where(Order_.amount.gt(new BigDecimal("100")))
                    .list();
            List<Film> withAda = s.select(Film.class)
                    .join(Film_.actors)                                   // through the link table
                    .where(Actor_.name.eq("Ada"))
                    .list();
            List<Row> perUser = s.select(User_.name, count(Order_.id).as("large_orders"))
                    .outerJoin(User_.orders, Order_.amount.gt(new BigDecimal("20")))   // ON ... AND orders.amount > ?
                    .groupBy(User_.name)
                    .list();

            Aliased<Category> parent = aliased(Category.class, "parent");
            List<Row> paths = s.select(Category_.name, parent.get(Category_.name))
                    .join(Category_.parent, parent)                       // a self-reference needs an alias
                    .list();
            List<Category> underBooks = s.select(Category.class)
                    .join(parent, Category_.parent.eq(parent))            // categories.parent_id = parent.id
                    .where(parent.get(Category_.name).eq("Books"))
                    .list();
            List<Order> adasOrders = s.select(Order.class).where(Order_.user.eq(ada)).list();   // user_id = ada's key
            // end::relationship-joins[]
            assertThat(bigSpenders).extracting(User::getName).containsExactly("Ada");
            assertThat(withAda).extracting(Film::getTitle).containsExactly("Difference");
            assertThat(perUser).extracting(r -> r.get(0, String.class) + "=" + r.get("large_orders", Long.class))
                    .containsExactlyInAnyOrder("Ada=1", "Grace=1", "Alan=0");
            assertThat(paths).extracting(r -> r.get(1, String.class) + "/" + r.get(0, String.class))
                    .containsExactlyInAnyOrder("Books/Poetry", "Books/Science");
            assertThat(underBooks).extracting(Category::getName).containsExactlyInAnyOrder("Poetry", "Science");
            assertThat(adasOrders).hasSize(2).allSatisfy(o -> assertThat(o.getUser()).isSameAs(ada));
        }
    }

    @Test
    void containsEagerFillsACollectionFromTheFilteredJoin() {
        try (Session s = sessions.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            // tag::contains-eager[]
            List<User> users = s.select(User.class)
                    .join(User_.orders)
                    .where(Order_.amount.gt(new BigDecimal("100")))
                    .options(containsEager(User_.orders))                // fill orders from this join's rows
                    .list();
            List<Order> largeOnly = users.get(0).getOrders();           // Ada's orders over 100, no further query
            // end::contains-eager[]
            assertThat(users).extracting(User::getName).containsExactly("Ada");
            assertThat(largeOnly).extracting(Order::getAmount).containsExactly(new BigDecimal("900.00"));
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.sql().get(0)).containsOnlyOnce("JOIN");
        }
    }

    @Test
    void severalEntitiesPerRow() {
        try (Session s = sessions.open()) {
            // tag::entity-rows[]
            record Purchase(User user, Order order) {
            }
            List<Purchase> purchases = s.select(User.class, Order.class)
                    .join(User_.orders)
                    .list(Purchase.class);                              // or list() for Rows: row.get(0, User.class)

            List<Row> counts = s.select(User.class, count(Order_.id).as("orders"))
                    .outerJoin(User_.orders)
                    .groupBy(entity(User.class))                        // GROUP BY every column of users
                    .orderBy(User_.name)
                    .list();
            User alan = counts.get(1).get(0, User.class);               // the session's instance for that key
            long none = counts.get(1).get("orders", Long.class);        // 0
            // end::entity-rows[]
            assertThat(purchases).hasSize(3).extracting(p -> p.order().getUser()).allSatisfy(u ->
                    assertThat(purchases.stream().map(Purchase::user)).contains(u));
            assertThat(alan.getName()).isEqualTo("Alan");
            assertThat(none).isZero();
            assertThat(counts.get(0).get(0, User.class)).isSameAs(purchases.stream().map(Purchase::user)
                    .filter(u -> u.getName().equals("Ada")).findFirst().orElseThrow());
        }
    }
}

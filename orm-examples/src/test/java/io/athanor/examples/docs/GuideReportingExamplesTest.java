package io.athanor.examples.docs;

import static io.athanor.orm.query.Postgres.atTimeZone;
import static io.athanor.orm.query.Postgres.eqAny;
import static io.athanor.orm.query.Postgres.localAtTimeZone;
import static io.athanor.orm.query.Postgres.matches;
import static io.athanor.orm.query.Postgres.toTsvector;
import static io.athanor.orm.query.Postgres.websearchToTsquery;
import static io.athanor.orm.query.Sql.coalesce;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.func;
import static io.athanor.orm.query.Sql.generateSeries;
import static io.athanor.orm.query.Sql.lateral;
import static io.athanor.orm.query.Sql.ref;
import static io.athanor.orm.query.Sql.select;
import static io.athanor.orm.query.Sql.sum;
import static io.athanor.orm.query.Sql.value;
import static io.athanor.orm.query.Sql.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.athanor.examples.model.Article;
import io.athanor.examples.model.Article_;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.Order_;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.query.DerivedTable;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.TableFunction;
import io.athanor.orm.query.ValuesList;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** The guide's reporting queries, run on PostgreSQL against orders whose answers are known. */
class GuideReportingExamplesTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 6, 1, 12, 0);

    private static SessionFactory seeded(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(User.class, Order.class, Article.class).build();
        sessions.schema().dropAll();
        sessions.schema().createAll();
        sessions.runInTransaction(s -> {
            User ada = new User("Ada Lovelace");
            User alan = new User("Alan Turing");
            User grace = new User("Grace Hopper");
            s.add(ada);
            s.add(alan);
            s.add(grace);
            s.add(order(ada, "book", "12.50", NOW.minusDays(2)));
            s.add(order(ada, "pen", "2.25", NOW.minusDays(2).plusHours(3)));
            s.add(order(ada, "lamp", "40.00", NOW.minusDays(1)));
            s.add(order(alan, "laptop", "999.99", NOW.minusDays(1).plusHours(2)));
            s.add(new Article("Keyset pagination in SQL", ada));
            s.add(new Article("Writing an ORM in Java", alan));
        });
        return sessions;
    }

    private static Order order(User user, String product, String amount, LocalDateTime at) {
        return new Order(user, product, new BigDecimal(amount), at);
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void groupingOnExpressionsWithValues(Engine engine) {
        try (Session session = seeded(engine).open()) {
            // tag::group-by-value[]
            Expression<LocalDateTime> day = func("date_trunc", LocalDateTime.class, value("day"), Order_.createdAt);
            List<Row> daily = session.select(day.as("day"), sum(Order_.amount).as("total"))
                    .groupBy(day)                       // GROUP BY 1: the selected date_trunc(?, ...)
                    .orderBy(day.desc())                // ORDER BY 1 DESC
                    .list();

            List<Row> busiest = session.select(Order_.userId.as("buyer"), count().as("orders"))
                    .groupBy(ref("buyer"))              // a selected column by its label
                    .orderBy(ref("orders").desc())
                    .list();
            // end::group-by-value[]
            assertThat(daily).extracting(r -> r.get("day", LocalDateTime.class), r -> r.get("total", BigDecimal.class))
                    .containsExactly(tuple(LocalDateTime.of(2024, 5, 31, 0, 0), new BigDecimal("1039.99")),
                            tuple(LocalDateTime.of(2024, 5, 30, 0, 0), new BigDecimal("14.75")));
            assertThat(busiest.get(0).get("orders", Long.class)).isEqualTo(3L);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void keysetPaginationAndCounting(Engine engine) {
        try (Session session = seeded(engine).open()) {
            List<String> seen = new ArrayList<>();
            // tag::seek[]
            Select<Order> byDate = session.select(Order.class).orderBy(Order_.createdAt.desc(), Order_.id.desc());
            List<Order> page = byDate.limit(2).list();
            while (!page.isEmpty()) {
                page.forEach(o -> seen.add(o.getProductName()));
                Order last = page.get(page.size() - 1);
                page = byDate.seek(last.getCreatedAt(), last.getId())   // WHERE (created_at, id) < (?, ?)
                        .limit(2).list();
            }
            // end::seek[]
            assertThat(seen).containsExactly("laptop", "lamp", "pen", "book");
            // tag::count[]
            long all = session.select(Order.class).count();                       // SELECT COUNT(*) FROM orders
            long buyers = session.select(User.class).join(Order.class).distinct().count();
            long onPage = session.select(Order.class).orderBy(Order_.id).limit(3).offset(2).count();  // what the page holds
            // end::count[]
            assertThat(all).isEqualTo(4L);
            assertThat(buyers).isEqualTo(2L);
            assertThat(onPage).isEqualTo(2L);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void sourcesWithoutAnEntity(Engine engine) {
        try (Session session = seeded(engine).open()) {
            // tag::sources[]
            ValuesList targets = values("target", "product", "goal").row("book", new BigDecimal("10")).row("lamp", new BigDecimal("50"));
            List<Row> versusTarget = session.select(targets.column("product", String.class), sum(Order_.amount).as("sold"))
                    .from(targets)
                    .outerJoin(Order.class, Order_.productName.eq(targets.column("product", String.class)))
                    .groupBy(targets.column("product", String.class))
                    .list();

            TableFunction days = generateSeries("d", "n", 0, 3);                 // 0, 1, 2, 3
            Expression<Long> n = days.column("n", Long.class);
            List<Row> everyUserEveryDay = session.select(User_.name, n).from(User.class).crossJoin(days).list();

            DerivedTable latest = lateral(select(Order_.productName.as("product"))
                    .where(Order_.userId.eq(User_.id))                          // refers to the users row
                    .orderBy(Order_.createdAt.desc()).limit(2), "latest");
            List<Row> twoLatestPerUser = session.select(User_.name, latest.column("product", String.class))
                    .from(User.class).crossJoin(latest)
                    .list();
            // end::sources[]
            assertThat(versusTarget).hasSize(2);
            assertThat(everyUserEveryDay).hasSize(12);
            assertThat(twoLatestPerUser).hasSize(3);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void postgresOperatorsAndDateArithmetic(Engine engine) {
        try (Session session = seeded(engine).open()) {
            List<Long> ids = List.of(1L, 2L);
            // tag::postgres[]
            List<User> some = session.select(User.class).where(eqAny(User_.id, ids)).list();   // users.id = ANY(?)

            List<Article> found = session.select(Article.class)
                    .where(matches(toTsvector("english", Article_.title), websearchToTsquery("english", "pagination -orm")))
                    .list();

            Expression<OffsetDateTime> instant = localAtTimeZone(Order_.createdAt, "UTC");    // stored as UTC wall time
            List<Row> paris = session.select(Order_.id, atTimeZone(instant, "Europe/Paris").as("paris_time")).list();
            // end::postgres[]
            assertThat(some).hasSize(2);
            assertThat(found).extracting(Article::getTitle).containsExactly("Keyset pagination in SQL");
            assertThat(paris).hasSize(4);
            // tag::dates[]
            List<Order> lastTwoDays = session.select(Order.class)
                    .where(Order_.createdAt.plusInterval(Duration.ofHours(48)).gt(NOW))
                    .list();
            List<Row> dueDates = session.select(Order_.id, Order_.createdAt.plusInterval(Period.ofMonths(1)).as("due"),
                    coalesce(Order_.createdAt.minusDays(7), NOW).as("week_before")).list();
            // end::dates[]
            assertThat(lastTwoDays).extracting(Order::getProductName).containsExactlyInAnyOrder("pen", "lamp", "laptop");
            assertThat(dueDates).hasSize(4);
        }
    }
}

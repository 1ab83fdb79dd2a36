package io.athanor.orm.query;

import static io.athanor.orm.engine.Text.text;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.func;
import static io.athanor.orm.query.Sql.ref;
import static io.athanor.orm.query.Sql.sum;
import static io.athanor.orm.query.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.engine.Row;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reporting queries run on PostgreSQL, MariaDB and H2 against seeded data whose answers are written by hand. */
class ReportingExecutionTest {
    static final LocalDateTime NOW = LocalDateTime.of(2024, 6, 1, 12, 0);
    private static final Map<Engine, SessionFactory> FACTORIES = new ConcurrentHashMap<>();

    /** Five users (one with no orders) and seven orders. */
    static SessionFactory seeded(Engine engine) {
        return FACTORIES.computeIfAbsent(engine, e -> {
            SessionFactory f = SessionFactory.builder(e).entities(User.class, Order.class, Article.class).build();
            f.schema().createAll();
            e.runInTransaction(c -> {
                String[] users = {"ada", "alan", "grace", "ada", "linus"};
                for (int i = 0; i < users.length; i++) {
                    c.executeUpdate(text("insert into users (id, name) values (:id, :name)"), Params.of("id", i + 1, "name", users[i]));
                }
                Object[][] orders = {
                    {1, 1, "book", new BigDecimal("12.50"), NOW.minusDays(2)},
                    {2, 1, "pen", new BigDecimal("2.25"), NOW.minusDays(2).plusHours(3)},
                    {3, 2, "laptop", new BigDecimal("999.99"), NOW.minusDays(10)},
                    {4, 2, "mouse", new BigDecimal("20.00"), NOW.minusDays(10).plusHours(1)},
                    {5, 4, "ink", new BigDecimal("1.00"), NOW.minusDays(2).plusHours(1)},
                    {6, 3, "desk", new BigDecimal("300.00"), NOW.minusDays(5)},
                    {7, 2, "cable", new BigDecimal("5.00"), NOW.minusDays(1)}};
                for (Object[] o : orders) {
                    c.executeUpdate(text("insert into orders (id, user_id, product_name, amount, created_at) "
                            + "values (:id, :user, :product, :amount, :created)"),
                            Params.of("id", o[0], "user", o[1], "product", o[2], "amount", o[3], "created", o[4]));
                }
            });
            return f;
        });
    }

    @DatabaseTest
    void groupingOnAnExpressionWithAValue(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Row> rows = s.select(User_.name.concat("x").as("k"), count().as("n")).groupBy(User_.name.concat("x"))
                    .orderBy(User_.name.concat("x")).list();
            assertThat(rows).extracting(r -> r.get("k"), r -> r.get("n", Long.class))
                    .containsExactly(tuple("adax", 2L), tuple("alanx", 1L), tuple("gracex", 1L), tuple("linusx", 1L));
        }
    }

    /** date_trunc with a text field is PostgreSQL's (H2 takes a keyword there). */
    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void groupingOnTheDocumentedDateTrunc(Engine engine) {
        try (Session s = seeded(engine).open()) {
            Expression<LocalDateTime> day = func("date_trunc", LocalDateTime.class, value("day"), Order_.createdAt);
            List<Row> rows = s.select(day.as("day"), sum(Order_.amount).as("total")).groupBy(day).orderBy(day.desc()).list();
            assertThat(rows).extracting(r -> r.get("day", LocalDateTime.class))
                    .containsExactly(LocalDateTime.of(2024, 5, 31, 0, 0), LocalDateTime.of(2024, 5, 30, 0, 0),
                            LocalDateTime.of(2024, 5, 27, 0, 0), LocalDateTime.of(2024, 5, 22, 0, 0));
            assertThat(rows.get(1).get("total", BigDecimal.class)).isEqualByComparingTo("15.75");
        }
    }

    @DatabaseTest
    void aGroupedExpressionWithAValueInsideWindowsAndLargerExpressions(Engine engine) {
        try (Session s = seeded(engine).open()) {
            Expression<String> k = User_.name.concat("'s");
            List<Row> rows = s.select(k.as("k"), Sql.upper(k).as("shout"), count().as("n"),
                            Sql.rank().over(Sql.partitionBy(k).orderBy(count().desc())).as("r"))
                    .groupBy(k).having(count().ge(1L)).orderBy(Sql.upper(k).desc()).list();
            assertThat(rows).extracting(r -> r.get("k"), r -> r.get("shout"), r -> r.get("n", Long.class), r -> r.get("r", Long.class))
                    .containsExactly(tuple("linus's", "LINUS'S", 1L, 1L), tuple("grace's", "GRACE'S", 1L, 1L),
                            tuple("alan's", "ALAN'S", 1L, 1L), tuple("ada's", "ADA'S", 2L, 1L));
        }
    }

    @DatabaseTest
    void groupingAndOrderingByLabel(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Row> rows = s.select(User_.name.concat("!").as("k"), count().as("n")).groupBy(ref("k"))
                    .orderBy(ref("n").desc(), ref("k").asc()).list();
            assertThat(rows).extracting(r -> r.get("k"), r -> r.get("n", Long.class))
                    .containsExactly(tuple("ada!", 2L), tuple("alan!", 1L), tuple("grace!", 1L), tuple("linus!", 1L));
        }
    }

    @DatabaseTest
    void distinctOrderedByASelectedExpressionWithAValue(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Row> rows = s.select(User_.name.concat("?")).distinct().orderBy(User_.name.concat("?").desc()).list();
            assertThat(rows).extracting(r -> r.get(0)).containsExactly("linus?", "grace?", "alan?", "ada?");
        }
    }
}

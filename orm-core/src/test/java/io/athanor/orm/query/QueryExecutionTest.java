package io.athanor.orm.query;

import static io.athanor.orm.engine.Text.text;
import static io.athanor.orm.query.Sql.aliased;
import static io.athanor.orm.query.Sql.caseWhen;
import static io.athanor.orm.query.Sql.coalesce;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.exists;
import static io.athanor.orm.query.Sql.notExists;
import static io.athanor.orm.query.Sql.select;
import static io.athanor.orm.query.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.ResultCountException;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Queries run on PostgreSQL, MariaDB and H2 against seeded data whose answers are written by hand. */
class QueryExecutionTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 6, 1, 12, 0);
    private static final String EVIL = "'; drop table users; --";
    private static final Map<Engine, SessionFactory> FACTORIES = new ConcurrentHashMap<>();

    /** The seed's tables with four users and five orders, created once per database. */
    private static SessionFactory seeded(Engine engine) {
        return FACTORIES.computeIfAbsent(engine, e -> {
            SessionFactory f = SessionFactory.builder(e).entities(User.class, Order.class, Article.class).build();
            f.schema().createAll();
            e.runInTransaction(c -> {
                String[] users = {"ada", "alan", "grace", EVIL};
                for (int i = 0; i < users.length; i++) {
                    c.executeUpdate(text("insert into users (id, name) values (:id, :name)"), Params.of("id", i + 1, "name", users[i]));
                }
                Object[][] orders = {
                    {1, 1, "book", new BigDecimal("12.50"), NOW.minusDays(2)},
                    {2, 1, "pen", new BigDecimal("2.25"), NOW.minusDays(40)},
                    {3, 2, "laptop", new BigDecimal("999.99"), NOW.minusDays(10)},
                    {4, 2, "mouse", null, NOW.minusDays(100)},
                    {5, 4, "x", new BigDecimal("1.00"), NOW.minusDays(400)}};
                for (Object[] o : orders) {
                    c.executeUpdate(text("insert into orders (id, user_id, product_name, amount, created_at) "
                            + "values (:id, :user, :product, :amount, :created)"),
                            Params.of("id", o[0], "user", o[1], "product", o[2], "amount", o[3], "created", o[4]));
                }
            });
            return f;
        });
    }

    /** The seed's get_user_statistics. */
    static List<Row> userStatistics(Session session) {
        return session.select(User_.id, User_.name, count(Order_.id).as("order_count"), sum(Order_.amount).as("total_spent"))
                .outerJoin(Order.class)
                .groupBy(User_.id, User_.name)
                .orderBy(User_.id)
                .list();
    }

    /** The seed's get_active_users_with_orders. */
    static List<User> activeUsersWithOrders(Session session, LocalDateTime now) {
        Select<Row> recentOrders = session.select(Order_.userId).where(Order_.createdAt.gt(now.minusDays(30))).subquery();
        return session.select(User.class).where(User_.id.in(recentOrders)).orderBy(User_.id).list();
    }

    @DatabaseTest
    void seedUserStatistics(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Row> rows = userStatistics(s);
            assertThat(rows).extracting(r -> r.get("id", Long.class), r -> r.get("name"), r -> r.get("order_count", Long.class))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "ada", 2L), org.assertj.core.groups.Tuple.tuple(2L, "alan", 2L),
                            org.assertj.core.groups.Tuple.tuple(3L, "grace", 0L), org.assertj.core.groups.Tuple.tuple(4L, EVIL, 1L));
            assertThat(rows.get(0).get("total_spent", BigDecimal.class)).isEqualByComparingTo("14.75");
            assertThat(rows.get(1).get("total_spent", BigDecimal.class)).isEqualByComparingTo("999.99");
            assertThat(rows.get(2).get("total_spent")).isNull();
            assertThat(rows.get(3).get("total_spent", BigDecimal.class)).isEqualByComparingTo("1.00");
        }
    }

    @DatabaseTest
    void seedActiveUsersWithOrders(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThat(activeUsersWithOrders(s, NOW)).extracting(User::getName).containsExactly("ada", "alan");
            assertThat(activeUsersWithOrders(s, NOW.minusDays(30))).extracting(User::getName).containsExactly("ada", "alan");
            assertThat(activeUsersWithOrders(s, NOW.plusDays(60))).isEmpty();
        }
    }

    @DatabaseTest
    void oneInstancePerKeyWhicheverQueryLoadedIt(Engine engine) {
        try (Session s = seeded(engine).open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            User byName = s.select(User.class).where(User_.name.eq("ada")).one();
            User byId = s.select(User.class).where(User_.id.eq(1L)).one();
            assertThat(byId).isSameAs(byName);
            assertThat(s.contains(byName)).isTrue();
            assertThat(sql.count()).as("users, ada's orders (selectin), users again; the orders are loaded already").isEqualTo(3);
            assertThat(s.get(User.class, 1L)).isSameAs(byName);
            assertThat(sql.count()).as("get() found it in the identity map").isEqualTo(3);
            User grace = s.get(User.class, 3L);
            assertThat(grace.getName()).isEqualTo("grace");
            assertThat(sql.count()).isEqualTo(5);
            assertThat(sql.statements().get(3).parameters()).as("the key only: a key matches one row at most").containsExactly(3L);
            assertThat(sql.sql().get(3)).doesNotContain("LIMIT");
        }
    }

    @DatabaseTest
    void getReturnsNullForAMissingKeyAndRefusesTheWrongKeyType(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThat(s.get(User.class, 999L)).isNull();
            assertThatThrownBy(() -> s.get(User.class, "1")).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("was given a String, but the key of User is a Long");
        }
    }

    @DatabaseTest
    void rowsScalarsAndLabels(Engine engine) {
        try (Session s = seeded(engine).open()) {
            Row row = s.select(count().as("n"), sum(Order_.amount).as("total")).from(Order.class).one();
            assertThat(row.columns()).containsExactly("n", "total");
            assertThat(row.get("n", Long.class)).isEqualTo(5L);
            assertThat(row.get(1, BigDecimal.class)).isEqualByComparingTo("1015.74");
            Row order = s.select(Order_.productName, Order_.createdAt, Order_.amount).where(Order_.id.eq(1L)).one();
            assertThat(order.get("productName")).isEqualTo("book");
            assertThat(order.get("createdAt")).isEqualTo(NOW.minusDays(2));
            assertThat(order.get("amount", BigDecimal.class)).isEqualByComparingTo("12.50");
        }
    }

    @DatabaseTest
    void oneOneOrNullAndFirstSayWhatWasFound(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThatThrownBy(() -> s.select(User.class).where(User_.name.like("a%")).one())
                    .isInstanceOf(ResultCountException.class).hasMessageContaining("more than one");
            assertThatThrownBy(() -> s.select(User.class).where(User_.name.eq("nobody")).one())
                    .isInstanceOf(ResultCountException.class).hasMessageContaining("returned none");
            assertThat(s.select(User.class).where(User_.name.eq("nobody")).oneOrNull()).isNull();
            assertThat(s.select(User.class).where(User_.name.like("a%")).orderBy(User_.name.desc()).first().getName())
                    .isEqualTo("alan");
            assertThatThrownBy(() -> s.select(User.class).where(User_.name.like("a%")).oneOrNull())
                    .isInstanceOf(ResultCountException.class);
        }
    }

    @DatabaseTest
    void pagingWithOrderLimitAndOffset(Engine engine) {
        try (Session s = seeded(engine).open()) {
            Select<Order> byId = s.select(Order.class).orderBy(Order_.id);
            assertThat(byId.limit(2).list()).extracting(Order::getId).containsExactly(1L, 2L);
            assertThat(byId.limit(2).offset(2).list()).extracting(Order::getId).containsExactly(3L, 4L);
            assertThat(byId.offset(4).list()).extracting(Order::getId).containsExactly(5L);
        }
    }

    @DatabaseTest
    void caseInsensitiveMatchingOnEveryDatabase(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThat(s.select(User.class).where(User_.name.ilike("A%")).orderBy(User_.id).list())
                    .extracting(User::getName).containsExactly("ada", "alan");
        }
    }

    @DatabaseTest
    void nullsLastAndFirst(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Order> last = s.select(Order.class).orderBy(Order_.amount.desc().nullsLast()).list();
            assertThat(last).extracting(Order::getId).containsExactly(3L, 1L, 2L, 5L, 4L);
            List<Order> first = s.select(Order.class).orderBy(Order_.amount.asc().nullsFirst()).list();
            assertThat(first).extracting(Order::getId).containsExactly(4L, 5L, 2L, 1L, 3L);
        }
    }

    @DatabaseTest
    void existsAndNotExists(Engine engine) {
        try (Session s = seeded(engine).open()) {
            Select<Row> ordersOfUser = select(Order_.id).where(Order_.userId.eq(User_.id));
            assertThat(s.select(User.class).where(exists(ordersOfUser)).orderBy(User_.id).list())
                    .extracting(User::getName).containsExactly("ada", "alan", EVIL);
            assertThat(s.select(User.class).where(notExists(ordersOfUser)).list()).extracting(User::getName).containsExactly("grace");
        }
    }

    @DatabaseTest
    void scalarSubqueryPerRow(Engine engine) {
        try (Session s = seeded(engine).open()) {
            Expression<Long> orders = select(count()).from(Order.class).where(Order_.userId.eq(User_.id)).asScalar();
            List<Row> rows = s.select(User_.name, orders.as("orders")).orderBy(User_.id).list();
            assertThat(rows).extracting(r -> r.get("orders", Long.class)).containsExactly(2L, 2L, 0L, 1L);
        }
    }

    @DatabaseTest
    void aliasedSelfJoin(Engine engine) {
        try (Session s = seeded(engine).open()) {
            Aliased<Order> later = aliased(Order.class);
            List<Row> pairs = s.select(Order_.id.as("first"), later.get(Order_.id).as("second"))
                    .join(later, later.get(Order_.userId).eq(Order_.userId).and(later.get(Order_.id).gt(Order_.id)))
                    .orderBy(Order_.id)
                    .list();
            assertThat(pairs).extracting(r -> r.get("first", Long.class), r -> r.get("second", Long.class))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 2L), org.assertj.core.groups.Tuple.tuple(3L, 4L));
        }
    }

    @DatabaseTest
    void coreTableQueriesNeedNoEntity(Engine engine) {
        Table orders = Table.of("orders");
        Table.Column<Long> userId = orders.column("user_id", Long.class);
        Table.Column<BigDecimal> amount = orders.column("amount", BigDecimal.class);
        try (Session s = seeded(engine).open()) {
            List<Row> big = s.list(select(userId, sum(amount).as("total")).groupBy(userId)
                    .having(sum(amount).gt(new BigDecimal("10"))).orderBy(userId));
            assertThat(big).extracting(r -> r.get("user_id", Long.class)).containsExactly(1L, 2L);
        }
    }

    @DatabaseTest
    void injectionStringsInEveryValuePositionAreData(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThat(s.select(User.class).where(User_.name.eq(EVIL)).one().getId()).isEqualTo(4L);
            assertThat(s.select(User.class).where(User_.name.like(EVIL)).list()).hasSize(1);
            assertThat(s.select(User.class).where(User_.name.in(List.of(EVIL, "' or '1'='1"))).list()).hasSize(1);
            assertThat(s.select(User_.name.concat(EVIL).as("x")).where(User_.id.eq(1L)).one().get("x")).isEqualTo("ada" + EVIL);
            assertThat(s.select(count()).from(User.class).one().get(0, Long.class)).isEqualTo(4L);
        }
    }

    @DatabaseTest
    void caseCoalesceAndArithmetic(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Row> rows = s.select(Order_.id,
                            caseWhen(Order_.amount.gt(new BigDecimal("100")), "large").otherwise("small").as("size"),
                            coalesce(Order_.amount, BigDecimal.ZERO).times(new BigDecimal("2")).as("doubled"))
                    .orderBy(Order_.id).list();
            assertThat(rows).extracting(r -> r.get("size")).containsExactly("small", "small", "large", "small", "small");
            assertThat(rows.get(3).get("doubled", BigDecimal.class)).isEqualByComparingTo("0");
            assertThat(rows.get(2).get("doubled", BigDecimal.class)).isEqualByComparingTo("1999.98");
        }
    }

    @DatabaseTest
    void forUpdateLocksInsideTheTransaction(Engine engine, io.athanor.orm.test.DatabaseKind kind) {
        try (Session s = seeded(engine).open()) {
            assertThat(s.select(User.class).where(User_.id.eq(1L)).forUpdate().one().getName()).isEqualTo("ada");
            assertThat(s.select(User.class).where(User_.id.eq(2L)).forUpdateNoWait().one().getName()).isEqualTo("alan");
            if (kind == io.athanor.orm.test.DatabaseKind.H2) {
                assertThatThrownBy(() -> s.select(User.class).forUpdateSkipLocked().list())
                        .hasMessageContaining("not supported by h2");
            } else {
                assertThat(s.select(User.class).where(User_.id.eq(3L)).forUpdateSkipLocked().list()).hasSize(1);
            }
            s.rollback();
        }
    }

    @DatabaseTest
    void aShapeCompilesOnceForManyExecutions(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            s.select(Order.class).where(Order_.amount.ge(new BigDecimal("-1")), Order_.productName.ne("zzz")).list();
            QueryCacheStats before = f.queryCacheStats();
            for (int i = 0; i < 10; i++) {
                assertThat(s.select(Order.class).where(Order_.amount.ge(new BigDecimal(i)), Order_.productName.ne("p" + i)).list())
                        .isNotEmpty();
            }
            QueryCacheStats after = f.queryCacheStats();
            assertThat(after.misses()).isEqualTo(before.misses());
            assertThat(after.hits() - before.hits()).isEqualTo(10);
        }
    }

    /** A projection target. */
    record Spending(String name, Long orders, BigDecimal total) {
    }

    @DatabaseTest
    void rowsMapOntoRecords(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Spending> spending = s.select(User_.name, count(Order_.id), sum(Order_.amount)).outerJoin(Order.class)
                    .groupBy(User_.id, User_.name).orderBy(User_.id).list(Spending.class);
            assertThat(spending.get(0)).isEqualTo(new Spending("ada", 2L, spending.get(0).total()));
            assertThat(spending.get(0).total()).isEqualByComparingTo("14.75");
            assertThat(spending.get(2).total()).isNull();
            assertThatThrownBy(() -> s.select(User_.name).list(Spending.class)).hasMessageContaining("exactly 1 values");
        }
    }

    /** Projection targets whose parameter types differ from the columns' (count is a long; sum may be NULL). */
    record Counted(String name, int orders) {
    }

    record Total(String name, double total) {
    }

    @DatabaseTest
    void projectionsConvertValuesThatDoNotFitAndNameTheColumnThatCannot(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Counted> counted = s.select(User_.name, count(Order_.id)).outerJoin(Order.class)
                    .groupBy(User_.id, User_.name).orderBy(User_.id).list(Counted.class);
            assertThat(counted.get(0)).isEqualTo(new Counted("ada", 2));
            assertThat(counted.get(2).orders()).isZero();
            assertThatThrownBy(() -> s.select(User_.name, sum(Order_.amount)).outerJoin(Order.class)
                    .groupBy(User_.id, User_.name).orderBy(User_.id).list(Total.class))
                    .hasMessageContaining("is NULL").hasMessageContaining("make it a boxed type");
            assertThatThrownBy(() -> s.select(User.class).list(Total.class))
                    .hasMessageContaining("this query selects entities");
        }
    }

    @DatabaseTest
    void countOfAnyQuery(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThat(s.select(Order.class).where(Order_.amount.isNotNull()).orderBy(Order_.id).count()).isEqualTo(4);
            assertThat(s.select(Order_.userId).distinct().count()).isEqualTo(3);
            assertThat(s.select(User_.id, count(Order_.id)).outerJoin(Order.class).groupBy(User_.id).count()).isEqualTo(4);
        }
    }

    @DatabaseTest
    void unionIntersectAndExcept(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Row> names = s.select(User_.name.as("label")).where(User_.id.le(2L))
                    .union(select(Order_.productName).where(Order_.id.le(2L)))
                    .orderBy(Sql.ref("label").asc()).list();
            assertThat(names).extracting(r -> r.get("label")).containsExactly("ada", "alan", "book", "pen");
            assertThat(s.select(User_.id).intersect(select(Order_.userId)).count()).isEqualTo(3);
            assertThat(s.select(User_.id).except(select(Order_.userId)).list()).extracting(r -> r.get(0, Long.class))
                    .containsExactly(3L);
        }
    }

    @DatabaseTest
    void windowFunctionsRankWithinPartitions(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Row> rows = s.select(Order_.id, Sql.rowNumber().over(Sql.partitionBy(Order_.userId)
                    .orderBy(Order_.createdAt.desc())).as("recency")).orderBy(Order_.id).list();
            assertThat(rows).extracting(r -> r.get("recency", Long.class)).containsExactly(1L, 2L, 1L, 2L, 1L);
        }
    }

    @DatabaseTest
    void derivedTablesInFrom(Engine engine) {
        try (Session s = seeded(engine).open()) {
            DerivedTable totals = select(Order_.userId, sum(Order_.amount).as("total")).groupBy(Order_.userId).as("totals");
            Row biggest = s.select(Sql.max(totals.column("total", BigDecimal.class)).as("biggest")).from(totals).one();
            assertThat(biggest.get("biggest", BigDecimal.class)).isEqualByComparingTo("999.99");
            List<Row> named = s.select(User_.name, totals.column("total", BigDecimal.class).as("total"))
                    .join(totals, totals.column("user_id", Long.class).eq(User_.id)).orderBy(User_.id).list();
            assertThat(named).extracting(r -> r.get("name")).containsExactly("ada", "alan", EVIL);
        }
    }

    @DatabaseTest
    void rawTextFragmentsMixWithTheLanguage(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<User> users = s.select(User.class)
                    .where(Sql.text("upper(users.name) = :n or users.id = :id", Map.of("n", "ADA", "id", 2L), Boolean.class),
                            User_.id.lt(2L))
                    .list();
            assertThat(users).extracting(User::getName).containsExactly("ada");
        }
    }

    @DatabaseTest
    void commonTablesAndAggregatesOverThem(Engine engine) {
        try (Session s = seeded(engine).open()) {
            CommonTable spenders = CommonTable.named("spenders").as(select(Order_.userId, sum(Order_.amount).as("total"))
                    .groupBy(Order_.userId));
            List<Row> rows = s.select(User_.name, spenders.column("total", BigDecimal.class).as("total")).from(User.class)
                    .join(spenders, spenders.column("user_id", Long.class).eq(User_.id)).with(spenders)
                    .orderBy(User_.id).list();
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("ada", "alan", EVIL);
        }
    }

    @DatabaseTest
    void streamsReadFromACursorAndCloseIt(Engine engine) {
        try (Session s = seeded(engine).open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            try (java.util.stream.Stream<Order> orders = s.select(Order.class).orderBy(Order_.id).stream(2)) {
                assertThat(orders.map(Order::getId)).containsExactly(1L, 2L, 3L, 4L, 5L);
            }
            assertThat(sql.statements().get(0).rowCount()).as("reported when the stream closed").isEqualTo(5);
            try (java.util.stream.Stream<Row> rows = s.select(User_.name).where(User_.id.le(2L)).orderBy(User_.id).stream()) {
                assertThat(rows.map(r -> r.get("name"))).containsExactly("ada", "alan");
            }
            User ada = s.get(User.class, 1L);
            try (java.util.stream.Stream<User> users = s.select(User.class).where(User_.id.eq(1L)).stream()) {
                assertThat(users.findFirst()).containsSame(ada);
            }
            assertThat(s.select(count()).from(Order.class).scalar(Long.class)).isEqualTo(5L);
        }
    }

    @DatabaseTest
    void relationshipsCompareByTheRelatedKey(Engine engine) {
        try (Session s = seeded(engine).open()) {
            User ada = s.get(User.class, 1L);
            assertThat(s.select(Order.class).where(Order_.user.eq(ada)).orderBy(Order_.id).list()).extracting(Order::getId)
                    .containsExactly(1L, 2L);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Expression<Boolean> wrong = ((Expression) Order_.user).eq("ada");
            assertThatThrownBy(() -> s.select(Order.class).where(wrong).list()).hasMessageContaining("cannot stand for a User");
            assertThat(s.select(count()).from(Order.class).scalar(Long.class)).isEqualTo(5L);
        }
    }

    @DatabaseTest
    void countWorksWhenColumnsShareAName(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThat(s.select(User_.id, Order_.id).join(Order.class).count()).isEqualTo(5);
        }
    }

    @DatabaseTest
    void streamedEntitiesAreNotKeptAndStreamsCloseWithTheTransaction(Engine engine) {
        try (Session s = seeded(engine).open()) {
            User streamed;
            try (java.util.stream.Stream<User> users = s.select(User.class).where(User_.id.eq(2L)).stream()) {
                streamed = users.findFirst().orElseThrow();
            }
            assertThat(s.contains(streamed)).isFalse();
            java.util.stream.Stream<User> open = s.select(User.class).orderBy(User_.id).stream(1);
            java.util.Iterator<User> it = open.iterator();
            assertThat(it.next().getName()).isEqualTo("ada");
            s.commit();
            assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction it read in ended");
            open.close();
            assertThat(s.select(User.class).count()).isEqualTo(4);
        }
    }

    @DatabaseTest
    void ormStatementsFireEngineEvents(Engine engine) {
        try (Session s = seeded(engine).open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.select(User.class).where(User_.name.eq("alan")).list();
            assertThat(sql.sql().get(0)).isEqualTo("SELECT users.id, users.name FROM users WHERE users.name = ?");
            assertThat(sql.sql().get(1)).as("the seed maps User.orders with selectin")
                    .startsWith("SELECT orders.id, orders.user_id").containsPattern("WHERE orders.user_id (IN \\(\\?\\)|= ANY\\(\\?\\))");
            assertThat(sql.statements().get(0).parameters()).containsExactly("alan");
            assertThat(sql.statements().get(0).rowCount()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void rollbackRestoresLoadedInstancesAndClosedSessionsRefuseWork(Engine engine) {
        Session s = seeded(engine).open();
        User first = s.get(User.class, 1L);
        String name = first.getName();
        first.setName("changed, not flushed");
        s.rollback();
        assertThat(s.contains(first)).isTrue();
        assertThat(s.get(User.class, 1L)).isSameAs(first);
        assertThat(first.getName()).as("what the database holds: the change made in memory is discarded").isEqualTo(name);
        s.close();
        assertThat(s.isOpen()).isFalse();
        assertThatThrownBy(() -> s.select(User.class).list()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sessions.open()");
        assertThatThrownBy(() -> select(User.class).list()).hasMessageContaining("belongs to no session");
    }
}

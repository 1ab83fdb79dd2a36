package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.aliased;
import static io.athanor.orm.query.Sql.and;
import static io.athanor.orm.query.Sql.avg;
import static io.athanor.orm.query.Sql.caseWhen;
import static io.athanor.orm.query.Sql.cast;
import static io.athanor.orm.query.Sql.coalesce;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.countDistinct;
import static io.athanor.orm.query.Sql.exists;
import static io.athanor.orm.query.Sql.func;
import static io.athanor.orm.query.Sql.lower;
import static io.athanor.orm.query.Sql.max;
import static io.athanor.orm.query.Sql.min;
import static io.athanor.orm.query.Sql.not;
import static io.athanor.orm.query.Sql.notExists;
import static io.athanor.orm.query.Sql.or;
import static io.athanor.orm.query.Sql.select;
import static io.athanor.orm.query.Sql.sum;
import static io.athanor.orm.query.Sql.upper;
import static io.athanor.orm.query.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.dialect.MariaDbDialect;
import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.UserStats;
import io.athanor.orm.model.UserStats_;
import io.athanor.orm.model.links.Post;
import io.athanor.orm.model.links.Post_;
import io.athanor.orm.model.links.Tag;
import io.athanor.orm.model.User_;
import io.athanor.orm.model.reserved.Group;
import io.athanor.orm.model.reserved.Purchase;
import io.athanor.orm.model.reserved.Purchase_;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Every construct compiled per dialect, asserted as SQL text. */
class QueryCompileTest {
    private static final Map<Dialect, QueryCompiler> COMPILERS = new ConcurrentHashMap<>();
    private static final LocalDateTime CUTOFF = LocalDateTime.of(2024, 1, 1, 0, 0);

    private static QueryCompiler compiler(Dialect d) {
        return COMPILERS.computeIfAbsent(d, x -> new QueryCompiler(MetadataBuilder.build(List.of(User.class, Order.class,
                Article.class, UserStats.class, Group.class, Purchase.class, Post.class, Tag.class), x), 100));
    }

    private static String pg(Select<?> s) {
        return compiler(PostgresDialect.INSTANCE).compile(s).compiled().sql();
    }

    private static String maria(Select<?> s) {
        return compiler(MariaDbDialect.INSTANCE).compile(s).compiled().sql();
    }

    private static String h2(Select<?> s) {
        return compiler(H2Dialect.INSTANCE).compile(s).compiled().sql();
    }

    private static List<Object> values(Select<?> s) {
        return compiler(PostgresDialect.INSTANCE).compile(s).values();
    }

    @Test
    void seedUserStatistics() {
        Select<?> stats = select(User_.id, User_.name, count(Order_.id).as("order_count"), sum(Order_.amount).as("total_spent"))
                .outerJoin(Order.class).groupBy(User_.id, User_.name);
        String expected = "SELECT users.id, users.name, COUNT(orders.id) AS order_count, SUM(orders.amount) AS total_spent "
                + "FROM users LEFT OUTER JOIN orders ON orders.user_id = users.id GROUP BY users.id, users.name";
        assertThat(pg(stats)).isEqualTo(expected);
        assertThat(h2(stats)).isEqualTo(expected);
        assertThat(maria(stats)).isEqualTo(expected);
    }

    @Test
    void seedActiveUsersWithOrders() {
        Select<?> recent = select(Order_.userId).where(Order_.createdAt.gt(CUTOFF)).subquery();
        Select<User> active = select(User.class).where(User_.id.in(recent));
        assertThat(pg(active)).isEqualTo("SELECT users.id, users.name FROM users WHERE users.id IN "
                + "(SELECT orders.user_id FROM orders WHERE orders.created_at > ?)");
        assertThat(values(active)).containsExactly(CUTOFF);
        assertThat(recent).isNotNull();
    }

    @Test
    void comparisonsAndLogic() {
        Select<?> s = select(User.class).where(or(and(User_.name.eq("a"), User_.id.ne(2L)), not(User_.id.between(3L, 9L)),
                User_.name.isNull(), User_.id.ge(1L).and(User_.id.le(5L)), User_.id.lt(10L).or(User_.id.gt(20L))));
        assertThat(pg(s)).isEqualTo("SELECT users.id, users.name FROM users WHERE ((users.name = ? AND users.id <> ?) OR "
                + "NOT (users.id BETWEEN ? AND ?) OR users.name IS NULL OR (users.id >= ? AND users.id <= ?) OR "
                + "users.id < ? OR users.id > ?)");
        assertThat(values(s)).containsExactly("a", 2L, 3L, 9L, 1L, 5L, 10L, 20L);
    }

    @Test
    void nullComparisonsBecomeIsNull() {
        assertThat(pg(select(User.class).where(User_.name.eq((String) null), User_.id.ne((Long) null))))
                .endsWith("WHERE (users.name IS NULL AND users.id IS NOT NULL)");
    }

    @Test
    void inListsAndNotIn() {
        Select<?> s = select(User.class).where(User_.id.in(1L, 2L, 3L), User_.name.notIn(List.of("x")));
        assertThat(pg(s)).endsWith("WHERE (users.id IN (?, ?, ?) AND users.name NOT IN (?))");
        assertThatThrownBy(() -> User_.id.in(List.of())).isInstanceOf(AthanorException.class)
                .hasMessageContaining("IN () is not valid SQL");
    }

    @Test
    void likeAndIlikePerDialect() {
        Select<?> s = select(User.class).where(User_.name.like("A%"), User_.name.ilike("b%"), User_.name.notLike("%z"));
        assertThat(pg(s)).endsWith("WHERE (users.name LIKE ? AND users.name ILIKE ? AND users.name NOT LIKE ?)");
        assertThat(h2(s)).endsWith("WHERE (users.name LIKE ? AND users.name ILIKE ? AND users.name NOT LIKE ?)");
        assertThat(maria(s)).endsWith("WHERE (users.name LIKE ? AND LOWER(users.name) LIKE LOWER(?) AND users.name NOT LIKE ?)");
    }

    @Test
    void arithmeticConcatCaseCastCoalesceAndFunctions() {
        Select<?> s = select(Order_.amount.times(new BigDecimal("1.2")).plus(Order_.amount).as("gross"),
                User_.name.concat("!"), upper(lower(User_.name)),
                caseWhen(Order_.amount.gt(new BigDecimal("100")), "large").otherwise("small").as("size"),
                cast(Order_.id, "varchar(20)", String.class), coalesce(Order_.amount, BigDecimal.ZERO),
                func("abs", BigDecimal.class, Order_.amount), countDistinct(Order_.userId), avg(Order_.amount),
                min(Order_.createdAt), max(Order_.createdAt))
                .from(Order.class).join(User.class);
        assertThat(pg(s)).isEqualTo("SELECT ((orders.amount * ?) + orders.amount) AS gross, CONCAT(users.name, ?), "
                + "UPPER(LOWER(users.name)), CASE WHEN orders.amount > ? THEN ? ELSE ? END AS size, "
                + "CAST(orders.id AS varchar(20)), COALESCE(orders.amount, ?), abs(orders.amount), "
                + "COUNT(DISTINCT orders.user_id), AVG(orders.amount), MIN(orders.created_at), MAX(orders.created_at) "
                + "FROM orders JOIN users ON orders.user_id = users.id");
        assertThatThrownBy(() -> func("drop table x; --", String.class)).hasMessageContaining("not a plain SQL identifier");
        assertThatThrownBy(() -> cast(Order_.id, "int); drop", String.class)).hasMessageContaining("is not a SQL type name");
    }

    @Test
    void orderingWithNullsPlacementPerDialect() {
        Select<?> s = select(User.class).orderBy(User_.name.desc().nullsLast(), User_.id.asc());
        assertThat(pg(s)).endsWith("ORDER BY users.name DESC NULLS LAST, users.id ASC");
        assertThat(maria(s)).endsWith("ORDER BY CASE WHEN users.name IS NULL THEN 1 ELSE 0 END, users.name DESC, users.id ASC");
        Select<?> byLabel = select(User_.name, count(Order_.id).as("n")).outerJoin(Order.class).groupBy(User_.name)
                .orderBy(count(Order_.id).as("n").desc());
        assertThat(pg(byLabel)).endsWith("GROUP BY users.name ORDER BY n DESC");
    }

    @Test
    void limitOffsetDistinctPerDialect() {
        Select<?> page = select(User.class).distinct().orderBy(User_.id).limit(10).offset(20);
        assertThat(pg(page)).isEqualTo("SELECT DISTINCT users.id, users.name FROM users ORDER BY users.id ASC LIMIT ? OFFSET ?");
        assertThat(maria(select(User.class).offset(5))).endsWith("FROM users LIMIT 9223372036854775807 OFFSET ?");
        assertThat(pg(select(User.class).offset(5))).endsWith("FROM users OFFSET ?");
        assertThatThrownBy(() -> select(User.class).limit(-1)).hasMessageContaining("limit must be 0 or more");
    }

    @Test
    void lockingClauses() {
        assertThat(pg(select(User.class).forUpdate())).endsWith("FROM users FOR UPDATE");
        assertThat(pg(select(User.class).forUpdateSkipLocked())).endsWith("FOR UPDATE SKIP LOCKED");
        assertThat(maria(select(User.class).forUpdateNoWait())).endsWith("FOR UPDATE NOWAIT");
        assertThatThrownBy(() -> h2(select(User.class).forUpdateSkipLocked()))
                .hasMessage("FOR UPDATE SKIP LOCKED is not supported by h2; use forUpdate() or forUpdateNoWait().");
    }

    @Test
    void existsAndScalarSubqueries() {
        Select<?> withOrders = select(User.class).where(exists(select(Order_.id).where(Order_.userId.eq(User_.id))));
        assertThat(pg(withOrders)).isEqualTo("SELECT users.id, users.name FROM users WHERE EXISTS "
                + "(SELECT orders.id FROM orders WHERE orders.user_id = users.id)");
        Select<?> without = select(User.class).where(notExists(select(Order_.id).where(Order_.userId.eq(User_.id))));
        assertThat(pg(without)).contains("WHERE NOT EXISTS (SELECT");
        Select<?> scalar = select(User_.name, select(count()).from(Order.class).where(Order_.userId.eq(User_.id))
                .<Long>asScalar().as("orders"));
        assertThat(pg(scalar)).isEqualTo("SELECT users.name, (SELECT COUNT(*) FROM orders WHERE orders.user_id = users.id) "
                + "AS orders FROM users");
    }

    @Test
    void aliasedSelfJoin() {
        Aliased<Order> other = aliased(Order.class);
        Select<?> s = select(Order_.id, other.get(Order_.id).as("other_id"))
                .join(other, and(other.get(Order_.userId).eq(Order_.userId), other.get(Order_.id).gt(Order_.id)));
        assertThat(pg(s)).isEqualTo("SELECT orders.id, orders_2.id AS other_id FROM orders JOIN orders orders_2 "
                + "ON (orders_2.user_id = orders.user_id AND orders_2.id > orders.id)");
        Aliased<User> named = aliased(User.class, "u");
        assertThat(pg(select(named).where(named.get(User_.name).eq("x")))).isEqualTo(
                "SELECT u.id, u.name FROM users u WHERE u.name = ?");
    }

    @Test
    void coreTablesNeedNoEntity() {
        Table orders = Table.of("orders");
        Table.Column<Long> userId = orders.column("user_id", Long.class);
        Table.Column<BigDecimal> amount = orders.column("amount", BigDecimal.class);
        Select<?> s = select(userId, sum(amount).as("total")).groupBy(userId).having(sum(amount).gt(BigDecimal.TEN));
        assertThat(pg(s)).isEqualTo("SELECT orders.user_id, SUM(orders.amount) AS total FROM orders GROUP BY orders.user_id "
                + "HAVING SUM(orders.amount) > ?");
        assertThat(maria(select(Table.of("analytics", "events").column("id", Long.class))))
                .isEqualTo("SELECT events.id FROM analytics.events events");
    }

    @Test
    void schemaQualifiedEntityTables() {
        assertThat(pg(select(UserStats_.userId, UserStats_.totalSpent))).isEqualTo(
                "SELECT user_stats.user_id, user_stats.total_spent FROM analytics.user_stats user_stats");
    }

    @Test
    void reservedWordsAreQuoted() {
        Select<?> s = select(Purchase_.user, Purchase_.value).join(Group.class).where(Purchase_.desc.eq("x"));
        assertThat(pg(s)).isEqualTo("SELECT \"order\".\"user\", \"order\".value FROM \"order\" JOIN \"group\" ON "
                + "\"order\".\"group\" = \"group\".id WHERE \"order\".\"desc\" = ?");
        assertThat(maria(s)).isEqualTo("SELECT `order`.`user`, `order`.value FROM `order` JOIN `group` ON "
                + "`order`.`group` = `group`.id WHERE `order`.`desc` = ?");
        assertThat(h2(s)).contains("\"order\".\"value\"");
    }

    @Test
    void joinsWithoutAnInferableForeignKeySayHowToFixThem() {
        assertThatThrownBy(() -> pg(select(Group.class).join(UserStats.class)))
                .hasMessageContaining("There is no foreign key between UserStats and the tables before it")
                .hasMessageContaining(".join(UserStats.class, <condition>)");
        Aliased<Post> previous = aliased(Post.class);
        assertThatThrownBy(() -> pg(select(Post.class).join(previous)))
                .hasMessageContaining("There are 2 foreign keys that could join Post")
                .hasMessageContaining("post.previous_id = post_2.id; post_2.previous_id = post.id");
        Aliased<User> second = aliased(User.class);
        assertThat(pg(select(Order.class).join(User.class).join(second))).endsWith("JOIN users ON orders.user_id = users.id "
                + "JOIN users users_2 ON orders.user_id = users_2.id");
    }

    @Test
    void columnsOutsideTheFromClauseAreReported() {
        assertThatThrownBy(() -> pg(select(User_.name).from(Order.class)))
                .hasMessageContaining("User.name belongs to User.class, which is not in this query's FROM clause");
    }

    @Test
    void explicitJoinConditions() {
        assertThat(pg(select(Article.class).join(User.class, User_.id.eq(Order_.userId)).join(Order.class)))
                .contains("JOIN users ON users.id = orders.user_id");
    }

    @Test
    void valuesAreNeverSplicedIntoSql() {
        String evil = "'; drop table users; --";
        Select<?> s = select(User.class).where(User_.name.eq(evil), User_.name.like(evil), User_.name.ilike(evil));
        assertThat(pg(s)).doesNotContain("drop").doesNotContain("'");
        assertThat(values(s)).containsExactly(evil, evil, evil);
        assertThat(pg(select(value("x").as("v")).from(User.class))).isEqualTo("SELECT ? AS v FROM users");
    }

    @Test
    void toStringShowsReadableSql() {
        assertThat(User_.name.eq("ada").and(User_.id.gt(3L)).toString()).isEqualTo("(User.name = 'ada' AND User.id > 3)");
        assertThat(select(User.class).where(User_.name.like("A%")).toString())
                .isEqualTo("SELECT User.* FROM User WHERE User.name LIKE 'A%'");
    }

    @Test
    void setOperationsOrderedByOutputColumn() {
        Select<?> s = select(User_.name.as("label")).where(User_.id.lt(3L))
                .union(select(Order_.productName).where(Order_.id.gt(1L)))
                .unionAll(select(User_.name))
                .orderBy(Sql.ref("label").asc()).limit(5);
        assertThat(pg(s)).isEqualTo("SELECT users.name AS label FROM users WHERE users.id < ? UNION SELECT orders.product_name "
                + "FROM orders WHERE orders.id > ? UNION ALL SELECT users_2.name FROM users users_2 ORDER BY label ASC LIMIT ?");
        assertThat(maria(select(User_.id).intersect(select(Order_.userId)).except(select(Order_.id))))
                .isEqualTo("SELECT users.id FROM users INTERSECT SELECT orders.user_id FROM orders EXCEPT SELECT orders_2.id "
                        + "FROM orders orders_2");
        assertThatThrownBy(() -> select(User_.id).orderBy(User_.id).union(select(Order_.id)))
                .hasMessageContaining("Call union before orderBy");
        assertThatThrownBy(() -> select(User_.id).union(select(Order_.id).limit(1))).hasMessageContaining("no ORDER BY, LIMIT");
    }

    @Test
    void windowFunctions() {
        Select<?> s = select(Order_.id, Sql.rowNumber().over(Sql.partitionBy(Order_.userId).orderBy(Order_.createdAt.desc()))
                .as("recency"), sum(Order_.amount).over(Sql.window()).as("grand_total"));
        assertThat(pg(s)).isEqualTo("SELECT orders.id, ROW_NUMBER() OVER (PARTITION BY orders.user_id ORDER BY orders.created_at "
                + "DESC) AS recency, SUM(orders.amount) OVER () AS grand_total FROM orders");
    }

    @Test
    void derivedTablesInFrom() {
        DerivedTable totals = select(Order_.userId, sum(Order_.amount).as("total")).groupBy(Order_.userId).as("totals");
        Select<?> s = select(max(totals.column("total", BigDecimal.class)).as("biggest")).from(totals);
        assertThat(pg(s)).isEqualTo("SELECT MAX(totals.total) AS biggest FROM (SELECT orders.user_id, SUM(orders.amount) AS "
                + "total FROM orders GROUP BY orders.user_id) totals");
        Select<?> joined = select(User_.name, totals.column("total", BigDecimal.class))
                .join(totals, totals.column("user_id", Long.class).eq(User_.id));
        assertThat(pg(joined)).isEqualTo("SELECT users.name, totals.total FROM users JOIN (SELECT orders.user_id, "
                + "SUM(orders.amount) AS total FROM orders GROUP BY orders.user_id) totals ON totals.user_id = users.id");
    }

    private static String pg(Statement s) {
        return compiler(PostgresDialect.INSTANCE).compile(s).compiled().sql();
    }

    private static String maria(Statement s) {
        return compiler(MariaDbDialect.INSTANCE).compile(s).compiled().sql();
    }

    private static String h2(Statement s) {
        return compiler(H2Dialect.INSTANCE).compile(s).compiled().sql();
    }

    @Test
    void insertUpdateDeleteWithReturning() {
        Insert<User> insert = Sql.insert(User.class).set(User_.id, 7L).set(User_.name, "ada").returning(User_.id);
        assertThat(pg(insert)).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) RETURNING id");
        assertThat(maria(insert)).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) RETURNING id");
        assertThatThrownBy(() -> h2(insert)).hasMessage("RETURNING is not supported by h2 on INSERT; run a SELECT after the "
                + "change instead.");
        Update<Order> update = Sql.update(Order.class).set(Order_.amount, Order_.amount.times(new BigDecimal("2")))
                .set(Order_.productName, "x").where(Order_.userId.eq(1L));
        assertThat(pg(update)).isEqualTo("UPDATE orders SET amount = (orders.amount * ?), product_name = ? WHERE orders.user_id = ?");
        assertThatThrownBy(() -> maria(update.returning(Order_.id))).hasMessageContaining("not supported by mariadb on UPDATE");
        assertThat(pg(Sql.delete(Order.class).where(Order_.amount.isNull()).returning(Order_.id)))
                .isEqualTo("DELETE FROM orders WHERE orders.amount IS NULL RETURNING id");
        assertThat(pg(Sql.insert(Order.class).fromSelect(select(User_.id, User_.name).where(User_.id.gt(1L)), Order_.userId,
                Order_.productName))).isEqualTo("INSERT INTO orders (user_id, product_name) SELECT users.id, users.name FROM users "
                + "WHERE users.id > ?");
        assertThat(pg(Sql.insert(Order.class).set(Order_.user, null))).isEqualTo("INSERT INTO orders (user_id) VALUES (?)");
        assertThatThrownBy(() -> pg(Sql.insert(User.class))).hasMessageContaining("sets no columns");
    }

    @Test
    void upsertPerDialect() {
        Insert<User> upsert = Sql.insert(User.class).set(User_.id, 7L).set(User_.name, "ada").onConflict(User_.id).doUpdate(User_.name);
        assertThat(pg(upsert)).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name");
        assertThat(maria(upsert)).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)");
        assertThat(h2(upsert)).isEqualTo("MERGE INTO users USING (VALUES (?, ?)) excluded (id, name) ON (users.id = excluded.id) "
                + "WHEN MATCHED THEN UPDATE SET name = excluded.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id, "
                + "excluded.name)");
        Insert<User> keep = Sql.insert(User.class).set(User_.id, 7L).set(User_.name, "ada").onConflict(User_.id).doNothing();
        assertThat(pg(keep)).endsWith("ON CONFLICT (id) DO NOTHING");
        assertThat(maria(keep)).endsWith("ON DUPLICATE KEY UPDATE id = id");
        assertThat(h2(keep)).doesNotContain("WHEN MATCHED").contains("WHEN NOT MATCHED THEN INSERT");
        assertThatThrownBy(() -> Sql.insert(User.class).doNothing()).hasMessageContaining("Call onConflict(keys...) before");
    }

    @Test
    void commonTableExpressionsRecursiveToo() {
        CommonTable big = CommonTable.named("big").as(select(Order_.id, Order_.userId).where(Order_.amount.gt(BigDecimal.TEN)));
        assertThat(pg(select(big.column("id", Long.class)).from(big).with(big))).isEqualTo("WITH big AS (SELECT orders.id, "
                + "orders.user_id FROM orders WHERE orders.amount > ?) SELECT big.id FROM big");
        CommonTable chain = CommonTable.named("chain", "id", "previous_id");
        chain = chain.asRecursive(select(Post_.id, Post_.previous).where(Post_.id.eq(3L))
                .unionAll(select(Post_.id, Post_.previous).join(chain, Post_.id.eq(chain.column("previous_id", Long.class)))));
        String expected = "WITH RECURSIVE chain (id, previous_id) AS (SELECT post.id, post.previous_id FROM post WHERE post.id = ? "
                + "UNION ALL SELECT post_2.id, post_2.previous_id FROM post post_2 JOIN chain ON post_2.id = chain.previous_id) "
                + "SELECT chain_2.id FROM chain chain_2";
        assertThat(pg(select(chain.column("id", Long.class)).from(chain).with(chain))).isEqualTo(expected);
        assertThatThrownBy(() -> CommonTable.named("x").asRecursive(select(User_.id))).hasMessageContaining("needs its column names");
    }

    @Test
    void rawTextFragmentsBindTheirParameters() {
        Select<?> s = select(User.class).where(Sql.text("lower(users.name) = :n or users.id = :id", Map.of("n", "ada", "id", 3L),
                Boolean.class), Sql.text("1 = 1"));
        assertThat(pg(s)).isEqualTo("SELECT users.id, users.name FROM users WHERE ((lower(users.name) = ? or users.id = ?) AND (1 = 1))");
        assertThat(values(s)).containsExactly("ada", 3L);
        assertThatThrownBy(() -> Sql.text("x = :missing", Map.of(), Boolean.class)).hasMessageContaining(":missing has no value");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aValueOfTheWrongTypeIsRefusedBeforeSqlIsSent() {
        Expression raw = User_.id;
        assertThatThrownBy(() -> compiler(PostgresDialect.INSTANCE).compile(select(User.class).where(raw.eq("seven"))))
                .isInstanceOf(AthanorException.class)
                .hasMessage("The value seven (java.lang.String) is given for User.id, which holds java.lang.Long. Pass a Long.");
    }

    @Test
    void oneCompilationPerShape() {
        QueryCompiler compiler = new QueryCompiler(MetadataBuilder.build(List.of(User.class, Order.class, Article.class), PostgresDialect.INSTANCE), 10);
        for (long i = 0; i < 25; i++) {
            QueryCompiler.Bound b = compiler.compile(select(User.class).where(User_.id.eq(i), User_.name.like("n" + i)));
            assertThat(b.values()).containsExactly(i, "n" + i);
        }
        compiler.compile(select(User.class).where(User_.id.eq(1L)));
        assertThat(compiler.stats().misses()).isEqualTo(2);
        assertThat(compiler.stats().hits()).isEqualTo(24);
        assertThat(compiler.stats().size()).isEqualTo(2);
    }

    @Test
    void aliasesOfTheSameShapeShareACompilation() {
        QueryCompiler compiler = new QueryCompiler(MetadataBuilder.build(List.of(User.class, Order.class, Article.class), PostgresDialect.INSTANCE), 10);
        for (int i = 0; i < 3; i++) {
            Aliased<User> u = aliased(User.class);
            compiler.compile(select(u).where(u.get(User_.id).eq((long) i)));
        }
        assertThat(compiler.stats().misses()).isEqualTo(1);
        QueryCompiler off = new QueryCompiler(MetadataBuilder.build(List.of(User.class, Order.class, Article.class),
                PostgresDialect.INSTANCE), 0);
        off.compile(select(User.class));
        off.compile(select(User.class));
        assertThat(off.stats().hits()).isZero();
    }
}

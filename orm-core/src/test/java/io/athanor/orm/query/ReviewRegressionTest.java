package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.select;
import static io.athanor.orm.query.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.MariaDbDialect;
import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.UserStats;
import io.athanor.orm.model.UserStats_;
import io.athanor.orm.model.User_;
import io.athanor.orm.model.keys.Account;
import io.athanor.orm.model.keys.Login;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiler cases that once went wrong: shape-key collisions, labels outside the select list, DML targets. */
class ReviewRegressionTest {

    private static QueryCompiler compiler(Dialect d) {
        return new QueryCompiler(MetadataBuilder.build(List.of(User.class, Order.class, Article.class, UserStats.class,
                Account.class, Login.class), d), 100);
    }

    @Test
    void identifiersAndSqlTextNeverShareACacheKey() {
        QueryCompiler c = compiler(PostgresDialect.INSTANCE);
        assertThat(c.compile(select(count()).from(User.class)).compiled().sql()).isEqualTo("SELECT COUNT(*) FROM users");
        assertThat(c.compile(select(count(Sql.ref("*"))).from(User.class)).compiled().sql())
                .isEqualTo("SELECT COUNT(\"*\") FROM users");
        assertThat(c.compile(select(count()).from(User.class)).compiled().sql()).isEqualTo("SELECT COUNT(*) FROM users");
    }

    @Test
    void derivedTablesOfTheSameShapeShareACompilation() {
        QueryCompiler c = compiler(PostgresDialect.INSTANCE);
        for (int i = 0; i < 3; i++) {
            DerivedTable t = select(Order_.userId, sum(Order_.amount).as("total")).groupBy(Order_.userId).as("totals");
            c.compile(select(Sql.avg(t.column("total", BigDecimal.class))).from(t));
        }
        assertThat(c.stats().misses()).isEqualTo(1);
        assertThat(c.stats().hits()).isEqualTo(2);
    }

    @Test
    void labelledExpressionsRenderAsOnlyInTheSelectList() {
        Expression<BigDecimal> total = sum(Order_.amount).as("total");
        String sql = compiler(PostgresDialect.INSTANCE).compile(select(User_.name, total).outerJoin(Order.class)
                .groupBy(User_.name).having(total.gt(BigDecimal.TEN))).compiled().sql();
        assertThat(sql).isEqualTo("SELECT users.name, SUM(orders.amount) AS total FROM users LEFT OUTER JOIN orders ON "
                + "orders.user_id = users.id GROUP BY users.name HAVING SUM(orders.amount) > ?");
    }

    @Test
    void inferredJoinsUseTheReferencedColumn() {
        assertThat(compiler(PostgresDialect.INSTANCE).compile(select(Login.class).join(Account.class)).compiled().sql())
                .endsWith("FROM login JOIN account ON login.account_email = account.email");
    }

    @Test
    void dataChangesOnSchemaQualifiedTablesUseNoAlias() {
        QueryCompiler pg = compiler(PostgresDialect.INSTANCE);
        assertThat(pg.compile(Sql.insert(UserStats.class).set(UserStats_.userId, 1L)).compiled().sql())
                .isEqualTo("INSERT INTO analytics.user_stats (user_id) VALUES (?)");
        assertThat(compiler(MariaDbDialect.INSTANCE).compile(Sql.delete(UserStats.class).where(UserStats_.userId.eq(1L)))
                .compiled().sql()).isEqualTo("DELETE FROM analytics.user_stats WHERE analytics.user_stats.user_id = ?");
        assertThat(pg.compile(Sql.update(UserStats.class).set(UserStats_.orderCount, 2L).where(UserStats_.userId.eq(1L)))
                .compiled().sql()).isEqualTo("UPDATE analytics.user_stats SET order_count = ? WHERE analytics.user_stats.user_id = ?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void emptyConditionListsAddNoWhere() {
        QueryCompiler pg = compiler(PostgresDialect.INSTANCE);
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array cannot be created otherwise
        Expression<Boolean>[] none = new Expression[0];
        assertThat(pg.compile(Sql.delete(Order.class).where(none)).compiled().sql()).isEqualTo("DELETE FROM orders");
        assertThat(pg.compile(select(User.class).where(none)).compiled().sql()).isEqualTo("SELECT users.id, users.name FROM users");
        assertThatThrownBy(() -> Sql.and(none)).hasMessage("and() needs at least one condition.");
    }

    @Test
    void theSameTableTwiceNeedsAnAlias() {
        Table events = Table.of("events");
        Table.Column<Long> id = events.column("id", Long.class);
        assertThatThrownBy(() -> compiler(PostgresDialect.INSTANCE).compile(select(id).join(events, id.eq(id))))
                .hasMessageContaining("appears twice in this query's FROM clause").hasMessageContaining("Table.of(...).as(");
        Table parent = Table.of("events").as("parent");
        String sql = compiler(PostgresDialect.INSTANCE).compile(select(id, parent.column("id", Long.class).as("parent_id"))
                .join(parent, events.column("parent_id", Long.class).eq(parent.column("id", Long.class)))).compiled().sql();
        assertThat(sql).isEqualTo("SELECT events.id, parent.id AS parent_id FROM events JOIN events parent ON events.parent_id = parent.id");
    }

    @Test
    void orderingACombinedStatementByAFieldSaysToUseRef() {
        assertThatThrownBy(() -> compiler(PostgresDialect.INSTANCE).compile(select(User_.name).union(select(User_.name))
                .orderBy(User_.name))).hasMessageContaining("use orderBy(Sql.ref(\"label\").asc())");
    }

    @Test
    void countingNeverRepeatsAColumnName() {
        Select<?> s = select(User_.id, Order_.id).join(Order.class);
        assertThat(s.labels()).containsExactly("id", "id");
    }
}

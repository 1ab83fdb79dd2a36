package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.func;
import static io.athanor.orm.query.Sql.ref;
import static io.athanor.orm.query.Sql.select;
import static io.athanor.orm.query.Sql.sum;
import static io.athanor.orm.query.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.dialect.MariaDbDialect;
import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Reporting constructs compiled per dialect, asserted as SQL text. */
class ReportingCompileTest {
    private static final Map<Dialect, QueryCompiler> COMPILERS = new ConcurrentHashMap<>();

    static QueryCompiler compiler(Dialect d) {
        return COMPILERS.computeIfAbsent(d, x -> new QueryCompiler(MetadataBuilder.build(List.of(User.class, Order.class,
                Article.class), x), 100));
    }

    static String pg(Statement s) {
        return compiler(PostgresDialect.INSTANCE).compile(s).compiled().sql();
    }

    static String maria(Statement s) {
        return compiler(MariaDbDialect.INSTANCE).compile(s).compiled().sql();
    }

    static String h2(Statement s) {
        return compiler(H2Dialect.INSTANCE).compile(s).compiled().sql();
    }

    static List<Object> values(Statement s) {
        return compiler(PostgresDialect.INSTANCE).compile(s).values();
    }

    @Test
    void groupingOnASelectedExpressionWithAValueGroupsByItsPosition() {
        Select<?> s = select(User_.name.concat("x").as("k"), count()).groupBy(User_.name.concat("x"))
                .orderBy(User_.name.concat("x").desc());
        assertThat(pg(s)).isEqualTo("SELECT CONCAT(users.name, ?) AS k, COUNT(*) FROM users GROUP BY 1 ORDER BY 1 DESC");
        assertThat(maria(s)).isEqualTo(pg(s));
        assertThat(h2(s)).isEqualTo("SELECT CONCAT(users.name, ?) AS k, COUNT(*) FROM users GROUP BY CONCAT(users.name, ?) "
                + "ORDER BY 1 DESC");
        assertThat(values(s)).containsExactly("x");
    }

    @Test
    void theDocumentedDateTruncGroupsByPosition() {
        Expression<LocalDateTime> day = func("date_trunc", LocalDateTime.class, value("day"), Order_.createdAt);
        Select<?> s = select(day.as("day"), sum(Order_.amount)).groupBy(day).orderBy(day);
        assertThat(pg(s)).isEqualTo("SELECT date_trunc(?, orders.created_at) AS day, SUM(orders.amount) FROM orders "
                + "GROUP BY 1 ORDER BY 1 ASC");
    }

    @Test
    void aDifferentValueIsADifferentExpressionAndValuelessItemsStayAsWritten() {
        Select<?> s = select(User_.name.concat("x"), User_.id, count()).groupBy(User_.name.concat("y"), User_.id)
                .orderBy(User_.id);
        assertThat(pg(s)).isEqualTo("SELECT CONCAT(users.name, ?), users.id, COUNT(*) FROM users "
                + "GROUP BY CONCAT(users.name, ?), users.id ORDER BY users.id ASC");
        assertThat(values(s)).containsExactly("x", "y");
    }

    @Test
    void refNamesALabelInGroupByAndOrderBy() {
        Select<?> s = select(User_.name.concat("x").as("k"), count().as("n")).groupBy(ref("k")).orderBy(ref("n").desc());
        assertThat(pg(s)).isEqualTo("SELECT CONCAT(users.name, ?) AS k, COUNT(*) AS n FROM users GROUP BY k ORDER BY n DESC");
        assertThat(h2(s)).isEqualTo(pg(s));
    }

    @Test
    void nullsPlacementEmulatedOnMariaDbKeepsTheExpression() {
        Select<?> s = select(User_.name.concat("x")).orderBy(User_.name.concat("x").asc().nullsLast());
        assertThat(pg(s)).isEqualTo("SELECT CONCAT(users.name, ?) FROM users ORDER BY 1 ASC NULLS LAST");
        assertThat(maria(s)).isEqualTo("SELECT CONCAT(users.name, ?) FROM users ORDER BY CASE WHEN CONCAT(users.name, ?) IS NULL "
                + "THEN 1 ELSE 0 END, CONCAT(users.name, ?) ASC");
    }
}

package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.func;
import static io.athanor.orm.query.Sql.ref;
import static io.athanor.orm.query.Sql.select;
import static io.athanor.orm.query.Sql.sum;
import static io.athanor.orm.query.Sql.upper;
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
    void aGroupedExpressionRepeatedWhereNoPositionReachesIsWrittenWithLiteralsOnPostgres() {
        Expression<String> k = User_.name.concat("x'y");
        Select<?> s = select(k.as("k"), Sql.rank().over(Sql.partitionBy(k).orderBy(count().desc())).as("r"), upper(k))
                .groupBy(k).having(count().gt(1L));
        assertThat(pg(s)).isEqualTo("SELECT CONCAT(users.name, 'x''y') AS k, RANK() OVER (PARTITION BY CONCAT(users.name, "
                + "'x''y') ORDER BY COUNT(*) DESC) AS r, UPPER(CONCAT(users.name, 'x''y')) FROM users GROUP BY 1 HAVING COUNT(*) > ?");
        assertThat(values(s)).containsExactly(1L);
        assertThat(maria(s)).isEqualTo("SELECT CONCAT(users.name, ?) AS k, RANK() OVER (PARTITION BY CONCAT(users.name, ?) "
                + "ORDER BY COUNT(*) DESC) AS r, UPPER(CONCAT(users.name, ?)) FROM users GROUP BY 1 HAVING COUNT(*) > ?");
        assertThat(pg(select(upper(User_.name.concat("a")), count()).groupBy(User_.name.concat("a"))
                .orderBy(User_.name.concat("a")))).as("not selected as itself: no position, so literals")
                .isEqualTo("SELECT UPPER(CONCAT(users.name, 'a')), COUNT(*) FROM users GROUP BY CONCAT(users.name, 'a') "
                        + "ORDER BY CONCAT(users.name, 'a') ASC");
    }

    @Test
    void valuesThatCannotBeSpelledSafelyStayBound() {
        Expression<String> k = User_.name.concat("half \uD83D");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pg(select(upper(k), count()).groupBy(k)))
                .as("kept a parameter, so refused as any bound value is").isInstanceOf(io.athanor.orm.error.InvalidValueException.class)
                .hasMessageContaining("unpaired UTF-16 surrogate");
        Expression<String> big = User_.name.concat("y".repeat(101));
        assertThat(pg(select(upper(big)).groupBy(big))).doesNotContain("yyy");
        Expression<String> slash = User_.name.concat("back\\slash 'q' \uD83D\uDE80");
        assertThat(pg(select(upper(slash), count()).groupBy(slash))).as("an escape string, whatever standard_conforming_strings says")
                .isEqualTo("SELECT UPPER(CONCAT(users.name, E'back\\\\slash ''q'' \uD83D\uDE80')), COUNT(*) FROM users "
                        + "GROUP BY CONCAT(users.name, E'back\\\\slash ''q'' \uD83D\uDE80')");
        assertThat(pg(select(upper(User_.name.concat("n")), count()).groupBy(User_.name.concat("n"))))
                .as("a different shape per value").isNotEqualTo(pg(select(upper(User_.name.concat("m")), count())
                        .groupBy(User_.name.concat("m"))));
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

package io.athanor.orm.query;

import static io.athanor.orm.query.ReportingCompileTest.h2;
import static io.athanor.orm.query.ReportingCompileTest.maria;
import static io.athanor.orm.query.ReportingCompileTest.pg;
import static io.athanor.orm.query.ReportingCompileTest.values;
import static io.athanor.orm.query.Sql.cast;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.generateSeries;
import static io.athanor.orm.query.Sql.lateral;
import static io.athanor.orm.query.Sql.select;
import static io.athanor.orm.query.Sql.unnest;
import static io.athanor.orm.query.Sql.value;
import static io.athanor.orm.query.Sql.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.athanor.orm.Session;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FROM items without an entity: none at all, VALUES, set-returning functions, CROSS JOIN and LATERAL. */
class SourcesTest {

    private static DerivedTable topTwoOrders() {
        return lateral(select(Order_.productName.as("product"), Order_.amount.as("amount"))
                .where(Order_.userId.eq(User_.id)).orderBy(Order_.amount.desc(), Order_.id.asc()).limit(2), "top");
    }

    @Test
    void aSelectOfValuesHasNoFrom() {
        Select<?> s = select(value(LocalDate.of(2024, 1, 31)).as("d"), value(1L).plus(2L));
        assertThat(pg(s)).isEqualTo("SELECT ? AS d, (? + ?)");
        assertThat(h2(s)).isEqualTo(pg(s));
        assertThat(maria(s)).isEqualTo(pg(s));
    }

    @Test
    void valuesListsAreTables() {
        ValuesList v = values("v", "id", "label").row(1L, "one").row(2L, "two");
        Select<?> s = select(v.column("id", Long.class), v.column("label", String.class));
        assertThat(pg(s)).isEqualTo("SELECT v.id, v.label FROM (VALUES (?, ?), (?, ?)) AS v (id, label)");
        assertThat(h2(s)).as("H2 types parameters in VALUES as text unless cast")
                .isEqualTo("SELECT v.id, v.label FROM (VALUES (CAST(? AS bigint), ?), (?, ?)) AS v (id, label)");
        assertThat(maria(s)).isEqualTo("SELECT v.id, v.label FROM (SELECT ? AS id, ? AS label UNION ALL SELECT ?, ?) v");
        assertThat(values(s)).containsExactly(1L, "one", 2L, "two");
        assertThatThrownBy(() -> v.row(3L)).isInstanceOf(AthanorException.class).hasMessageContaining("has 2 value(s) [id, label]; got 1");
        assertThatThrownBy(() -> v.column("nope", Long.class)).hasMessageContaining("v has no column nope");
        assertThatThrownBy(() -> values("v; drop", "id")).hasMessageContaining("plain SQL identifier");
        assertThatThrownBy(() -> pg(select(values("e", "x").column("x", Long.class)))).hasMessageContaining("e has no rows");
    }

    @Test
    void setReturningFunctionsAndCrossJoins() {
        TableFunction g = generateSeries("g", "n", 1, 3);
        Select<?> s = select(User_.name, g.column("n", Long.class)).from(User.class).crossJoin(g);
        assertThat(pg(s)).isEqualTo("SELECT users.name, g.n FROM users CROSS JOIN generate_series(?, ?) AS g (n)");
        assertThat(h2(s)).isEqualTo(pg(s));
        assertThatThrownBy(() -> maria(s)).isInstanceOf(AthanorException.class)
                .hasMessageContaining("generate_series(...) as a table is not available on MariaDB").hasMessageContaining("values(");
        TableFunction u = unnest("u", "x", Long.class, List.of(3L, 1L));
        assertThat(pg(select(u.column("x", Long.class)))).isEqualTo("SELECT u.x FROM unnest(?) AS u (x)");
        assertThat(pg(select(User_.name).crossJoin(Order.class))).isEqualTo("SELECT users.name FROM users CROSS JOIN orders");
    }

    @Test
    void lateralSubqueriesOnPostgres() {
        DerivedTable top = topTwoOrders();
        Select<?> s = select(User_.name, top.column("product", String.class)).from(User.class).crossJoin(top);
        assertThat(pg(s)).isEqualTo("SELECT users.name, top.product FROM users CROSS JOIN LATERAL (SELECT orders.product_name AS "
                + "product, orders.amount AS amount FROM orders WHERE orders.user_id = users.id ORDER BY orders.amount DESC, "
                + "orders.id ASC LIMIT ?) top");
        assertThat(pg(select(User_.name, top.column("product", String.class)).from(User.class).outerJoin(top)))
                .contains("FROM users LEFT OUTER JOIN LATERAL (SELECT").endsWith(") top ON TRUE");
        for (java.util.function.Function<Statement, String> other : List.<java.util.function.Function<Statement, String>>of(
                ReportingCompileTest::h2, ReportingCompileTest::maria)) {
            assertThatThrownBy(() -> other.apply(s)).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("LATERAL subqueries (top) are not supported").hasMessageContaining("rowNumber()");
        }
    }

    @DatabaseTest
    void selectingValuesAloneAndFromAValuesList(Engine engine, DatabaseKind kind) {
        try (Session s = ReportingExecutionTest.seeded(engine).open()) {
            LocalDate day = LocalDate.of(2024, 1, 31);
            Row r = s.select(cast(value(day), "date", LocalDate.class).plusDays(1).as("d")).one();
            assertThat(r.get("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 1));
            if (kind == DatabaseKind.POSTGRESQL) {
                assertThat(s.select(value(day), value(40L).plus(2L)).one().get(1, Long.class))
                        .as("PostgreSQL types a bare parameter by its value").isEqualTo(42L);
            }

            ValuesList wanted = values("w", "name", "rank").row("grace", 1L).row("ada", 2L).row("nobody", 3L);
            List<Row> rows = s.select(User_.id, wanted.column("rank", Long.class)).from(User.class)
                    .join(wanted, User_.name.eq(wanted.column("name", String.class))).orderBy(User_.id).list();
            assertThat(rows).extracting(x -> x.get(0, Long.class), x -> x.get(1, Long.class))
                    .containsExactly(tuple(1L, 2L), tuple(3L, 1L), tuple(4L, 2L));
        }
    }

    @DatabaseTest
    void crossJoinPairsEveryRow(Engine engine) {
        try (Session s = ReportingExecutionTest.seeded(engine).open()) {
            ValuesList kinds = values("k", "kind").row("a").row("b");
            assertThat(s.select(count()).from(User.class).crossJoin(kinds).scalar(Long.class)).isEqualTo(10L);
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void seriesAndUnnestAsTables(Engine engine) {
        try (Session s = ReportingExecutionTest.seeded(engine).open()) {
            TableFunction g = generateSeries("g", "n", 1, 7, 3);
            assertThat(s.select(g.column("n", Long.class)).orderBy(g.column("n", Long.class)).list())
                    .extracting(r -> r.get(0, Long.class)).containsExactly(1L, 4L, 7L);
            TableFunction ids = unnest("ids", "id", Long.class, List.of(2L, 5L, 9L));
            assertThat(s.select(User.class).join(ids, User_.id.eq(ids.column("id", Long.class))).orderBy(User_.id).list())
                    .extracting(User::getId).containsExactly(2L, 5L);
        }
    }

    @DatabaseTest(DatabaseKind.MARIADB)
    void mariaDbRefusesSetReturningFunctions(Engine engine) {
        try (Session s = ReportingExecutionTest.seeded(engine).open()) {
            TableFunction g = generateSeries("g", "n", 1, 3);
            assertThatThrownBy(() -> s.select(g.column("n", Long.class)).list()).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("not available on MariaDB");
        }
    }

    @DatabaseTest
    void topNPerGroupWithLateral(Engine engine, DatabaseKind kind) {
        try (Session s = ReportingExecutionTest.seeded(engine).open()) {
            DerivedTable top = topTwoOrders();
            Select<Row> q = s.select(User_.id, top.column("product", String.class), top.column("amount", BigDecimal.class))
                    .from(User.class).crossJoin(top).orderBy(User_.id.asc(), top.column("amount", BigDecimal.class).desc());
            if (kind != DatabaseKind.POSTGRESQL) {
                assertThatThrownBy(q::list).isInstanceOf(AthanorException.class).hasMessageContaining("LATERAL");
                return;
            }
            assertThat(q.list()).extracting(r -> r.get(0, Long.class), r -> r.get(1))
                    .containsExactly(tuple(1L, "book"), tuple(1L, "pen"), tuple(2L, "laptop"), tuple(2L, "mouse"),
                            tuple(3L, "desk"), tuple(4L, "ink"));
        }
    }
}

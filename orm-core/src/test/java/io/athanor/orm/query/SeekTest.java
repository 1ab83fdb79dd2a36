package io.athanor.orm.query;

import static io.athanor.orm.query.ReportingCompileTest.h2;
import static io.athanor.orm.query.ReportingCompileTest.maria;
import static io.athanor.orm.query.ReportingCompileTest.pg;
import static io.athanor.orm.query.ReportingCompileTest.values;
import static io.athanor.orm.query.Sql.ref;
import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyset pagination: compiled per dialect, and paging through real rows. */
class SeekTest {

    @Test
    void oneDirectionIsARowComparison() {
        Select<User> s = select(User.class).orderBy(User_.name.asc(), User_.id.asc()).seek("ada", 4L).limit(20);
        String expected = "SELECT users.id, users.name FROM users WHERE (users.name, users.id) > (?, ?) "
                + "ORDER BY users.name ASC, users.id ASC LIMIT ?";
        assertThat(pg(s)).isEqualTo(expected);
        assertThat(h2(s)).isEqualTo(expected);
        assertThat(maria(s)).isEqualTo(expected);
        assertThat(values(s)).containsExactly("ada", 4L, 20);
        assertThat(pg(select(User.class).orderBy(User_.name.desc(), User_.id.desc()).seek("ada", 4L)))
                .contains("WHERE (users.name, users.id) < (?, ?)");
        assertThat(pg(select(User.class).orderBy(User_.id.desc()).seek(4L))).contains("WHERE users.id < ? ORDER BY");
    }

    @Test
    void mixedDirectionsAreExpanded() {
        Select<Order> s = select(Order.class).where(Order_.amount.isNotNull())
                .orderBy(Order_.amount.desc(), Order_.productName.asc(), Order_.id.asc())
                .seek(BigDecimal.ONE, "ink", 5L);
        String expected = "WHERE (orders.amount IS NOT NULL AND (orders.amount < ? OR (orders.amount = ? AND orders.product_name > ?) "
                + "OR (orders.amount = ? AND orders.product_name = ? AND orders.id > ?))) ORDER BY";
        assertThat(pg(s)).contains(expected);
        assertThat(maria(s)).contains(expected);
        assertThat(values(s)).containsExactly(BigDecimal.ONE, BigDecimal.ONE, "ink", BigDecimal.ONE, "ink", 5L);
    }

    @Test
    void badSeeksSayWhatIsWrong() {
        assertThatThrownBy(() -> select(User.class).seek(1L)).isInstanceOf(AthanorException.class)
                .hasMessageContaining("has no ORDER BY").hasMessageContaining("orderBy(");
        assertThatThrownBy(() -> select(User.class).orderBy(User_.name.asc(), User_.id.asc()).seek("ada"))
                .isInstanceOf(AthanorException.class).hasMessageContaining("got 1 value(s) but the ORDER BY has 2 item(s)");
        assertThatThrownBy(() -> select(User.class).orderBy(User_.name.asc(), User_.id.asc()).seek(null, 1L))
                .isInstanceOf(AthanorException.class).hasMessageContaining("is null");
        assertThatThrownBy(() -> select(User.class).orderBy(User_.id.asc()).seek("4"))
                .isInstanceOf(AthanorException.class).hasMessageContaining("is a java.lang.String but User.id is a java.lang.Long");
        assertThatThrownBy(() -> select(User_.name.as("n")).orderBy(ref("n").asc()).seek("x"))
                .isInstanceOf(AthanorException.class).hasMessageContaining("label");
    }

    @DatabaseTest
    void pagesThroughEveryRowOnceInEitherDirection(Engine engine) {
        try (Session s = ReportingExecutionTest.seeded(engine).open()) {
            List<Long> seen = new ArrayList<>();
            Select<User> byName = s.select(User.class).orderBy(User_.name.asc(), User_.id.asc());
            List<User> page = byName.limit(2).list();
            while (!page.isEmpty()) {
                page.forEach(u -> seen.add(u.getId()));
                User last = page.get(page.size() - 1);
                page = byName.seek(last.getName(), last.getId()).limit(2).list();
            }
            assertThat(seen).as("ada 1, ada 4, alan, grace, linus").containsExactly(1L, 4L, 2L, 3L, 5L);

            List<Long> mixed = new ArrayList<>();
            Select<User> nameDescIdAsc = s.select(User.class).orderBy(User_.name.desc(), User_.id.asc());
            List<User> p = nameDescIdAsc.limit(2).list();
            while (!p.isEmpty()) {
                p.forEach(u -> mixed.add(u.getId()));
                User last = p.get(p.size() - 1);
                p = nameDescIdAsc.seek(last.getName(), last.getId()).limit(2).list();
            }
            assertThat(mixed).containsExactly(5L, 3L, 2L, 1L, 4L);
        }
    }
}

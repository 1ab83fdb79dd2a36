package io.athanor.orm.query;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;

/** {@code count()} equals the size of {@code list()}, and counts over keys, not every column. */
class CountExecutionTest {

    @DatabaseTest
    void aPlainSelectCountsItsRowsDirectly(Engine engine) {
        try (Session s = ReportingExecutionTest.seeded(engine).open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThat(s.select(User.class).count()).isEqualTo(5L);
            assertThat(s.select(User.class).where(User_.name.eq("ada")).orderBy(User_.id).count()).isEqualTo(2L);
            assertThat(sql.sql()).containsExactly("SELECT COUNT(*) FROM users", "SELECT COUNT(*) FROM users WHERE users.name = ?");
        }
    }

    @DatabaseTest
    void joinsThatRepeatRowsCountLikeList(Engine engine) {
        try (Session s = ReportingExecutionTest.seeded(engine).open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Select<User> joined = s.select(User.class).join(Order.class);
            assertThat(joined.count()).isEqualTo(7L).isEqualTo(joined.list().size());
            assertThat(sql.sql().get(0)).isEqualTo("SELECT COUNT(*) FROM users JOIN orders ON orders.user_id = users.id");

            Select<User> collapsing = s.select(User.class).join(Order.class).where(Order_.amount.gt(BigDecimal.TEN))
                    .options(joinedLoad(User_.orders));
            sql.clear();
            assertThat(collapsing.count()).as("rows loading relationships give each user once").isEqualTo(3L)
                    .isEqualTo(collapsing.list().size());
            assertThat(sql.sql().get(0)).isEqualTo("SELECT COUNT(*) FROM (SELECT DISTINCT users.id FROM users JOIN orders ON "
                    + "orders.user_id = users.id WHERE orders.amount > ?) counted");

            Select<User> distinct = s.select(User.class).join(Order.class).distinct();
            assertThat(distinct.count()).isEqualTo(4L).isEqualTo(distinct.list().size());
        }
    }

    @DatabaseTest
    void aPageCountsWhatThePageHolds(Engine engine) {
        try (Session s = ReportingExecutionTest.seeded(engine).open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Select<User> byId = s.select(User.class).orderBy(User_.id);
            assertThat(byId.limit(3).count()).isEqualTo(3L);
            assertThat(byId.limit(2).offset(4).count()).isEqualTo(1L).isEqualTo(byId.limit(2).offset(4).list().size());
            assertThat(byId.offset(1).count()).isEqualTo(4L);
            assertThat(sql.sql().get(0)).as("no ORDER BY, only the key, and no LIMIT of the count's own")
                    .isEqualTo("SELECT COUNT(*) FROM (SELECT users.id FROM users LIMIT ?) counted");
        }
    }

    @DatabaseTest
    void groupedDistinctAndAggregateSelectsCountTheirRows(Engine engine) {
        try (Session s = ReportingExecutionTest.seeded(engine).open()) {
            assertThat(s.select(Order_.userId, count()).groupBy(Order_.userId).count()).isEqualTo(4L);
            assertThat(s.select(User_.name).distinct().count()).isEqualTo(4L);
            assertThat(s.select(sum(Order_.amount)).count()).isEqualTo(1L);
            Select<User> busy = s.select(User.class).join(Order.class).groupBy(User_.id, User_.name).having(count().gt(1L));
            assertThat(busy.count()).isEqualTo(2L).isEqualTo(busy.list().size());
            Select<?> both = s.select(User_.name).where(User_.id.le(2L)).union(Sql.select(User_.name).where(User_.id.ge(4L)));
            assertThat(both.count()).as("ada, alan, linus").isEqualTo(3L);
        }
    }
}

package io.athanor.orm.session;

import static io.athanor.orm.query.Sql.avg;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.UserStatsView;
import io.athanor.orm.model.UserStatsView_;
import io.athanor.orm.model.User_;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;

/** The seed's analytics.user_stats as a materialized view on PostgreSQL, and a table filled from its query elsewhere. */
class MaterializedViewTest {

    private static SessionFactory sessions(Engine engine) {
        return SessionFactory.builder(engine).entities(User.class, Order.class, Article.class, UserStatsView.class).build();
    }

    @DatabaseTest
    void createQueryRefreshAndRefuseWrites(Engine engine) {
        SessionFactory f = sessions(engine);
        f.schema().dropAll();
        User ada = new User("ada");
        try {
            f.schema().createAll();
            f.runInTransaction(s -> {
                s.add(ada);
                s.flush();
                s.add(new Order("book", new BigDecimal("10.00"), ada.getId()));
                s.add(new Order("pen", new BigDecimal("20.00"), ada.getId()));
            });
            f.refresh(UserStatsView.class);
            try (Session s = f.open()) {
                UserStatsView stats = s.get(UserStatsView.class, ada.getId());
                assertThat(stats.totalOrders).isEqualTo(2L);
                assertThat(stats.averageOrderValue).isEqualTo(15.0);
                assertThatThrownBy(() -> s.delete(stats)).hasMessageContaining("is a materialized view");
                assertThatThrownBy(() -> s.update(UserStatsView.class).set(UserStatsView_.totalOrders, 0L).execute())
                        .hasMessageContaining("cannot be written");
                stats.totalOrders = 99L;
                assertThatThrownBy(s::flush).hasMessageContaining("is a materialized view");
                s.rollback();
            }
            f.runInTransaction(s -> s.add(new Order("ink", new BigDecimal("30.00"), ada.getId())));
            try (Session s = f.open()) {
                assertThat(s.get(UserStatsView.class, ada.getId()).totalOrders).as("not refreshed yet").isEqualTo(2L);
            }
            f.refresh(UserStatsView.class);
            try (Session s = f.open()) {
                UserStatsView stats = s.select(UserStatsView.class).where(UserStatsView_.userId.eq(ada.getId())).one();
                assertThat(stats.totalOrders).isEqualTo(3L);
                assertThat(stats.averageOrderValue).isEqualTo(20.0);
            }
            assertThatThrownBy(() -> f.refresh(User.class)).hasMessageContaining("not a materialized view");
        } finally {
            f.schema().dropAll();
        }
    }

    @DatabaseTest
    void aViewCanBeDefinedWithTheQueryLanguage(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(User.class, Order.class, Article.class, UserStatsView.class)
                .view(UserStatsView.class, select(User_.id.as("user_id"), count(Order_.id).as("total_orders"),
                        avg(Order_.amount).as("average_order_value")).outerJoin(Order.class).groupBy(User_.id))
                .build();
        assertThat(f.schema().createStatements()).anySatisfy(sql -> assertThat(sql).contains("SELECT users.id AS user_id, "
                + "COUNT(orders.id) AS total_orders, AVG(orders.amount) AS average_order_value FROM users LEFT OUTER JOIN "
                + "orders ON orders.user_id = users.id GROUP BY users.id"));
        f.schema().dropAll();
        try {
            f.schema().createAll();
            f.runInTransaction(s -> s.add(new User("grace")));
            f.refresh(UserStatsView.class);
            try (Session s = f.open()) {
                assertThat(s.select(UserStatsView.class).one().totalOrders).isZero();
            }
        } finally {
            f.schema().dropAll();
        }
        assertThatThrownBy(() -> SessionFactory.builder(engine).entities(User.class, Order.class, Article.class,
                UserStatsView.class).view(UserStatsView.class, select(User_.id.as("user_id")).where(User_.id.gt(3L))).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cannot take parameters");
    }
}

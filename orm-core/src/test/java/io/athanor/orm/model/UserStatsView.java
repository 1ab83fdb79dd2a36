package io.athanor.orm.model;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Index;
import io.athanor.orm.annotations.MaterializedView;
import io.athanor.orm.annotations.Table;

/** The seed's analytics.user_stats as a materialized view: orders and average order value per user. */
@Entity
@MaterializedView(query = "SELECT u.id AS user_id, COUNT(o.id) AS total_orders, AVG(o.amount) AS average_order_value "
        + "FROM users u LEFT OUTER JOIN orders o ON o.user_id = u.id GROUP BY u.id")
@Table(name = "user_stats_view", schema = "analytics", indexes = @Index(columns = {"user_id"}, unique = true))
public class UserStatsView {
    @Id
    public Long userId;
    public Long totalOrders;
    public Double averageOrderValue;

    protected UserStatsView() {
    }
}

package io.athanor.examples.model;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Index;
import io.athanor.orm.annotations.MaterializedView;
import io.athanor.orm.annotations.Table;

/**
 * The seed's {@code analytics.user_stats}: orders and average order value per user, kept as a
 * materialized view. Its query is given in code, to the session factory builder (see the mapping
 * section of the example app); sessions read it and never write it.
 */
// tag::user-stats[]
@Entity
@MaterializedView
@Table(name = "user_stats", schema = "analytics", indexes = @Index(columns = "user_id", unique = true))
public class UserStats {
    @Id
    private Long userId;
    private Long totalOrders;
    private Double averageOrderValue;
    // end::user-stats[]

    protected UserStats() {
    }

    public Long getUserId() {
        return userId;
    }

    public Long getTotalOrders() {
        return totalOrders;
    }

    public Double getAverageOrderValue() {
        return averageOrderValue;
    }
}

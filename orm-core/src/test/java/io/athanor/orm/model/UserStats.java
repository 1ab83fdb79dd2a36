package io.athanor.orm.model;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;

/** The seed's analytics.user_stats. */
@Entity
@Table(name = "user_stats", schema = "analytics")
public class UserStats {
    @Id
    private Long userId;

    private long orderCount;

    @Column(precision = 14, scale = 2)
    private BigDecimal totalSpent;

    protected UserStats() {
    }

    public Long getUserId() {
        return userId;
    }
}

package io.athanor.bench.athanor.enhanced;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** {@code orders}, as {@code io.athanor.bench.athanor.Order}, in an enhanced class. */
@Entity
@Table(name = "orders")
public class EnhancedOrder {
    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "user_id")
    private Long userId;
    @ManyToOne
    @JoinColumn(name = "user_id")
    private EnhancedUser user;
    @Column(name = "product_name")
    private String productName;
    private BigDecimal total;
    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected EnhancedOrder() {
    }

    /** A new order of the given user (by key). */
    public EnhancedOrder(Long userId, String productName, BigDecimal total, LocalDateTime createdAt) {
        this.userId = userId;
        this.productName = productName;
        this.total = total;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public EnhancedUser getUser() {
        return user;
    }

    public BigDecimal getTotal() {
        return total;
    }
}

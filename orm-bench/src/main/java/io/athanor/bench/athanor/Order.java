package io.athanor.bench.athanor;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** {@code orders} mapped for Athanor: the key column and the reference to the user side by side. */
@Entity
@Table(name = "orders")
public class Order {
    @Id
    @GeneratedValue
    private Long id;
    @Column(name = "user_id")
    private Long userId;
    @ManyToOne
    @JoinColumn(name = "user_id")
    private User user;
    @Column(name = "product_name")
    private String productName;
    private BigDecimal total;
    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Order() {
    }

    /** A new order of the given user. */
    public Order(Long userId, String productName, BigDecimal total, LocalDateTime createdAt) {
        this.userId = userId;
        this.productName = productName;
        this.total = total;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getProductName() {
        return productName;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}

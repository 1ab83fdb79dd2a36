package io.athanor.orm.model;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Index;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OnDelete;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The seed's Order: {@code orders(id, user_id, product_name, amount, created_at)}. */
@Entity
@Table(name = "orders", indexes = @Index(columns = {"created_at"}))
public class Order {
    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "user_id")
    private Long userId;

    @ManyToOne
    @JoinColumn(name = "user_id", onDelete = OnDelete.CASCADE)
    private User user;

    @Column(length = 100)
    private String productName;

    @Column(precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP")
    private LocalDateTime createdAt;

    protected Order() {
    }

    /** An order of {@code userId}, created now: the seed's {@code Order(**order_data, user_id=user.id)}. */
    public Order(String productName, BigDecimal amount, Long userId) {
        this.productName = productName;
        this.amount = amount;
        this.userId = userId;
        this.createdAt = LocalDateTime.now().withNano(0);
    }

    public Long getUserId() {
        return userId;
    }

    public String getProductName() {
        return productName;
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}

package io.athanor.examples.model;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The seed's {@code Order}: {@code orders(id, user_id, product_name, amount, created_at)}. */
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

    @Column(length = 100)
    private String productName;

    @Column(precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false)
    private LocalDateTime createdAt;

    protected Order() {
    }

    /** The seed's {@code Order(**order_data, user_id=user.id)}. */
    public Order(String productName, BigDecimal amount, LocalDateTime createdAt, Long userId) {
        this.productName = productName;
        this.amount = amount;
        this.createdAt = createdAt;
        this.userId = userId;
    }

    public Long getId() {
        return id;
    }

    public String productName() {
        return productName;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}

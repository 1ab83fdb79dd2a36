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

/**
 * The seed's {@code Order}: {@code orders(id, user_id, product_name, amount, created_at)}. The seed's
 * queries use {@code amount} and {@code created_at} without declaring them; here they are mapped.
 */
// tag::order[]
@Entity
@Table(name = "orders")
public class Order {
    @Id @GeneratedValue
    private Long id;

    @Column(name = "user_id")                            // user_id = Column(Integer, ForeignKey('users.id'))
    private Long userId;

    @ManyToOne @JoinColumn(name = "user_id")             // user = relationship("User", back_populates="orders")
    private User user;

    @Column(length = 100)
    private String productName;

    @Column(precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false)
    private LocalDateTime createdAt;
    // end::order[]

    protected Order() {
    }

    /** The seed's {@code Order(**order_data, user_id=user.id)}. */
    public Order(String productName, BigDecimal amount, LocalDateTime createdAt, Long userId) {
        this.productName = productName;
        this.amount = amount;
        this.createdAt = createdAt;
        this.userId = userId;
    }

    /** A new order of {@code user}, for building sample data. */
    public Order(User user, String productName, BigDecimal amount, LocalDateTime createdAt) {
        this(productName, amount, createdAt, null);
        this.user = user;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public User getUser() {
        return user;
    }

    public String getProductName() {
        return productName;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}

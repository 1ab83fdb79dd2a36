package io.athanor.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * {@code orders} mapped for Hibernate. Ids come from a pooled sequence (Hibernate batches inserts
 * only when it holds the id before the insert); the user reference is lazy and read-only beside the
 * writable {@code user_id}.
 */
@Entity(name = "HOrder")
@Table(name = "orders")
public class Order {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_hibernate_seq")
    @SequenceGenerator(name = "orders_hibernate_seq", sequenceName = "orders_hibernate_seq", allocationSize = 1000)
    private Long id;
    @Column(name = "user_id")
    private Long userId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", insertable = false, updatable = false)
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

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }
}

package io.athanor.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** {@code order_archive} mapped for Hibernate, ids from a pooled sequence so that inserts batch. */
@Entity(name = "HArchivedOrder")
@Table(name = "order_archive")
public class ArchivedOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_archive_hibernate_seq")
    @SequenceGenerator(name = "order_archive_hibernate_seq", sequenceName = "order_archive_hibernate_seq", allocationSize = 1000)
    private Long id;
    @Column(name = "user_id")
    private Long userId;
    @Column(name = "product_name")
    private String productName;
    private BigDecimal total;
    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected ArchivedOrder() {
    }

    /** A new archive row. */
    public ArchivedOrder(Long userId, String productName, BigDecimal total, LocalDateTime createdAt) {
        this.userId = userId;
        this.productName = productName;
        this.total = total;
        this.createdAt = createdAt;
    }
}

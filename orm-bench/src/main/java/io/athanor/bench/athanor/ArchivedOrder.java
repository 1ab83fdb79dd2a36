package io.athanor.bench.athanor;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** {@code order_archive} mapped for Athanor: the bulk-insert workload's target. */
@Entity
@Table(name = "order_archive")
public class ArchivedOrder {
    @Id
    @GeneratedValue
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

    public Long getId() {
        return id;
    }
}

package io.athanor.examples.docs.mapping;

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

/** The mapping guide's order: fields and annotations only. */
// tag::order[]
@Entity
@Table(name = "orders", indexes = @Index(columns = {"created_at"}))
public class Order {
    @Id @GeneratedValue private Long id;

    @Column(name = "user_id") private Long userId;          // the key as a plain value ...
    @ManyToOne @JoinColumn(name = "user_id", onDelete = OnDelete.CASCADE)
    private User user;                                       // ... and as the related entity

    @Column(precision = 12, scale = 2) private BigDecimal amount;
    @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") private LocalDateTime createdAt;
}
// end::order[]

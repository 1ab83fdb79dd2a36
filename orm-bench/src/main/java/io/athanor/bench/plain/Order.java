package io.athanor.bench.plain;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** An order as hand-written JDBC and JDBI code fill it. */
public final class Order {
    public long id;
    public long userId;
    public String productName;
    public BigDecimal total;
    public LocalDateTime createdAt;

    /** An order not yet inserted (id 0). */
    public static Order of(long userId, String productName, BigDecimal total, LocalDateTime createdAt) {
        Order o = new Order();
        o.userId = userId;
        o.productName = productName;
        o.total = total;
        o.createdAt = createdAt;
        return o;
    }
}

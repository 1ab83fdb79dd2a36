package io.athanor.bench.plain;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A product as hand-written JDBC and JDBI code fill it: a plain mutable class, set column by column. */
public final class Product {
    public long id;
    public String name;
    public String description;
    public BigDecimal price;
    public int stock;
    public LocalDateTime createdAt;
}

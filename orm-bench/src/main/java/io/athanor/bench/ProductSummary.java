package io.athanor.bench;

import java.math.BigDecimal;

/** Workload 3's projection: three columns of a product. */
public record ProductSummary(long id, String name, BigDecimal price) {
}

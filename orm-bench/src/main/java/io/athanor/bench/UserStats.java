package io.athanor.bench;

import java.math.BigDecimal;

/** A row of the seed's {@code get_user_statistics}: a user, its order count and the sum of its totals. */
public record UserStats(long id, String name, long orderCount, BigDecimal totalSpent) {
}

package io.athanor.bench;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values the writing workloads send, made once per trial and shared by all implementations so
 * that each one does the same work from the same input. Map keys are the entity field names, which
 * is what Athanor's bulk operations take; the other implementations read the same maps.
 */
public final class Inputs {
    /** The {@code created_at} of every row a benchmark writes. */
    public static final LocalDateTime CREATED_AT = LocalDateTime.of(2025, 1, 1, 12, 0);

    private Inputs() {
    }

    /** Product names for new rows, indexed by row number modulo 100. */
    public static final String[] PRODUCT_NAMES = productNames();

    /** The user of the {@code i}th new order: spread over the users that have orders. */
    public static long userOf(int i) {
        return 1 + i % BenchSettings.USERS_WITH_ORDERS;
    }

    /** The name of the {@code i}th new order. */
    public static String productNameOf(int i) {
        return PRODUCT_NAMES[i % PRODUCT_NAMES.length];
    }

    /** The total of the {@code i}th new order. */
    public static BigDecimal totalOf(int i) {
        return BigDecimal.valueOf(100 + i % 10_000, 2);
    }

    /**
     * Updates for every seeded order: {@code id} and a {@code total} one unit above the seeded
     * value, so that dirty checking sees a change.
     */
    public static List<Map<String, Object>> totalUpdates() {
        List<Map<String, Object>> rows = new ArrayList<>(BenchSettings.SEED_ORDERS);
        for (long id = 1; id <= BenchSettings.SEED_ORDERS; id++) {
            rows.add(Map.of("id", id, "total", BenchSchema.seededTotal(id).add(BigDecimal.ONE)));
        }
        return List.copyOf(rows);
    }

    /** {@code count} rows for {@code order_archive}: userId, productName, total, createdAt. */
    public static List<Map<String, Object>> archiveRows(int count) {
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("userId", userOf(i), "productName", productNameOf(i), "total", totalOf(i), "createdAt", CREATED_AT));
        }
        return List.copyOf(rows);
    }

    private static String[] productNames() {
        String[] names = new String[100];
        for (int i = 0; i < names.length; i++) {
            names[i] = "new product " + i;
        }
        return names;
    }
}

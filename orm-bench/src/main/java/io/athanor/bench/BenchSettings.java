package io.athanor.bench;

/**
 * Where the benchmarks connect and how big their data is. Every implementation reads the same
 * settings, so all four run against one schema with one pool size.
 *
 * <p>The server is the local PostgreSQL ({@code 127.0.0.1:5432}, database {@code test}, user
 * {@code postgres}); {@code -Dbench.url=jdbc:postgresql://host:port/db}, {@code -Dbench.user=} and
 * {@code -Dbench.password=} point the benchmarks elsewhere (pass them to the forked JVMs with JMH's
 * {@code -jvmArgsAppend}), as do the environment variables {@code BENCH_URL}, {@code BENCH_USER} and
 * {@code BENCH_PASSWORD}, which the forks inherit.
 */
public final class BenchSettings {
    /** The schema the benchmarks own: dropped and created again at the start of every trial. */
    public static final String SCHEMA = "athanor_bench";
    /** Connections in every pool (HikariCP for JDBC, JDBI and Hibernate; the Athanor engine's own). */
    public static final int POOL_SIZE = 4;
    /** Rows in {@code products}, read by workloads 1 to 3. */
    public static final int PRODUCTS = 10_000;
    /** Users with orders; another {@link #USERS_WITHOUT_ORDERS} have none (the outer join's case). */
    public static final int USERS_WITH_ORDERS = 1_000;
    /** Users without orders. */
    public static final int USERS_WITHOUT_ORDERS = 100;
    /** Orders per user that has any. */
    public static final int ORDERS_PER_USER = 10;
    /** Rows in {@code orders} after seeding; ids 1 to this. */
    public static final int SEED_ORDERS = USERS_WITH_ORDERS * ORDERS_PER_USER;
    /** Rows per JDBC batch where the implementation chooses (JDBC, JDBI); Hibernate's {@code batch_size}. */
    public static final int BATCH_SIZE = 1_000;

    private BenchSettings() {
    }

    /** The JDBC URL of the database, without the schema. */
    public static String baseUrl() {
        return setting("bench.url", "BENCH_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /** The JDBC URL with the benchmark schema as the search path. */
    public static String url() {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    /** The database user. */
    public static String user() {
        return setting("bench.user", "BENCH_USER", "postgres");
    }

    /** The database password (empty for trust authentication). */
    public static String password() {
        return setting("bench.password", "BENCH_PASSWORD", "");
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) {
            value = System.getenv(variable);
        }
        return value == null || value.isEmpty() ? fallback : value;
    }
}

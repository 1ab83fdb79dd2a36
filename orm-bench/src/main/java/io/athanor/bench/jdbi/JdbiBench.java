package io.athanor.bench.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.athanor.bench.BenchSettings;
import io.athanor.bench.Database;
import io.athanor.bench.Inputs;
import io.athanor.bench.Pools;
import io.athanor.bench.ProductSummary;
import io.athanor.bench.UserStats;
import io.athanor.bench.plain.Order;
import io.athanor.bench.plain.Product;
import io.athanor.bench.plain.Rows;
import io.athanor.bench.plain.Sql;
import io.athanor.bench.plain.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JDBI 3's fluent API over the shared HikariCP pool: a {@code Handle} per operation, the same SQL
 * as the JDBC reference, rows mapped by hand-written {@link RowMapper}s reading by index (JDBI's
 * fastest mapping; its reflective bean and constructor mappers do more per row).
 */
@State(Scope.Benchmark)
public class JdbiBench {
    private static final RowMapper<Product> PRODUCT = (rs, ctx) -> Rows.product(rs);
    private static final RowMapper<User> USER = (rs, ctx) -> Rows.user(rs);
    private static final RowMapper<Order> ORDER = (rs, ctx) -> Rows.order(rs, 1);
    private static final RowMapper<ProductSummary> SUMMARY = (rs, ctx) -> Rows.summary(rs);
    private static final RowMapper<UserStats> STATS = (rs, ctx) -> Rows.stats(rs);

    private HikariDataSource pool;
    private Jdbi jdbi;

    /** Starts the pool and JDBI once the schema is seeded. */
    @Setup(Level.Trial)
    public void start(Database database) {
        pool = Pools.hikari("jdbi-bench");
        jdbi = Jdbi.create(pool);
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void stop() {
        pool.close();
    }

    /** Workload 1. */
    public Product findProduct(long id) {
        return jdbi.withHandle(h -> h.createQuery(Sql.PRODUCT_BY_ID).bind(0, id).map(PRODUCT).one());
    }

    /** Workload 2. */
    public List<Product> firstProducts(int count) {
        return jdbi.withHandle(h -> h.createQuery(Sql.FIRST_PRODUCTS).bind(0, count).map(PRODUCT).list());
    }

    /** Workload 3. */
    public List<ProductSummary> productSummaries() {
        return jdbi.withHandle(h -> h.createQuery(Sql.PRODUCT_SUMMARIES).map(SUMMARY).list());
    }

    /** Workload 4, joined: the join's rows folded into users by a result-set accumulator. */
    public List<User> usersWithOrdersJoined(int users) {
        return jdbi.withHandle(h -> h.createQuery(Sql.USERS_JOIN_ORDERS).bind(0, (long) users)
                .reduceResultSet(new ArrayList<User>(users), (out, rs, ctx) -> {
                    long id = rs.getLong(1);
                    User current = out.isEmpty() ? null : out.get(out.size() - 1);
                    if (current == null || current.id != id) {
                        current = Rows.user(rs);
                        out.add(current);
                    }
                    rs.getLong(4);
                    if (!rs.wasNull()) {
                        current.orders.add(Rows.order(rs, 4));
                    }
                    return out;
                }));
    }

    /** Workload 4, select-in: the users, then their orders by {@code user_id = any(?)} bound as an array. */
    public List<User> usersWithOrdersSelectIn(int users) {
        return jdbi.withHandle(h -> {
            List<User> out = h.createQuery(Sql.USERS_UP_TO).bind(0, (long) users).map(USER).list();
            Map<Long, User> byId = new HashMap<>();
            for (User u : out) {
                byId.put(u.id, u);
            }
            h.createQuery(Sql.ORDERS_OF_USERS).bindArray(0, Long.class, byId.keySet()).map(ORDER)
                    .forEach(o -> byId.get(o.userId).orders.add(o));
            return out;
        });
    }

    /** Workload 5: a prepared batch in a transaction, generated ids read back. */
    public List<Order> insertOrders(int count) {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(Order.of(Inputs.userOf(i), Inputs.productNameOf(i), Inputs.totalOf(i), Inputs.CREATED_AT));
        }
        jdbi.useTransaction(h -> {
            for (int from = 0; from < count; from += BenchSettings.BATCH_SIZE) {
                int to = Math.min(count, from + BenchSettings.BATCH_SIZE);
                PreparedBatch batch = h.prepareBatch(Sql.INSERT_ORDER);
                for (int i = from; i < to; i++) {
                    Order o = orders.get(i);
                    batch.bind(0, o.userId).bind(1, o.productName).bind(2, o.total).bind(3, o.createdAt).add();
                }
                List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
                for (int i = from; i < to; i++) {
                    orders.get(i).id = ids.get(i - from);
                }
            }
        });
        return orders;
    }

    /** Workload 6: a prepared batch of {@code UPDATE}s in a transaction. */
    public int updateTotals(List<Map<String, Object>> updates) {
        return jdbi.inTransaction(h -> {
            int rows = 0;
            for (int from = 0; from < updates.size(); from += BenchSettings.BATCH_SIZE) {
                int to = Math.min(updates.size(), from + BenchSettings.BATCH_SIZE);
                PreparedBatch batch = h.prepareBatch(Sql.UPDATE_TOTAL);
                for (int i = from; i < to; i++) {
                    Map<String, Object> m = updates.get(i);
                    batch.bind(0, (BigDecimal) m.get("total")).bind(1, (Long) m.get("id")).add();
                }
                for (int n : batch.execute()) {
                    rows += n;
                }
            }
            return rows;
        });
    }

    /** Workload 7: prepared batches of {@code INSERT}s (JDBI has no COPY). */
    public int insertArchive(List<Map<String, Object>> rows) {
        return jdbi.inTransaction(h -> {
            for (int from = 0; from < rows.size(); from += BenchSettings.BATCH_SIZE) {
                int to = Math.min(rows.size(), from + BenchSettings.BATCH_SIZE);
                PreparedBatch batch = h.prepareBatch(Sql.INSERT_ARCHIVE);
                for (int i = from; i < to; i++) {
                    Map<String, Object> m = rows.get(i);
                    batch.bind(0, (Long) m.get("userId")).bind(1, (String) m.get("productName"))
                            .bind(2, (BigDecimal) m.get("total")).bind(3, m.get("createdAt")).add();
                }
                batch.execute();
            }
            return rows.size();
        });
    }

    /** Workload 8: a handle and {@code select 1}. */
    public int selectOne() {
        return jdbi.withHandle(h -> h.createQuery(Sql.SELECT_ONE).mapTo(int.class).one());
    }

    /** Workload 9. */
    public List<UserStats> userStatistics() {
        return jdbi.withHandle(h -> h.createQuery(Sql.USER_STATISTICS).map(STATS).list());
    }
}

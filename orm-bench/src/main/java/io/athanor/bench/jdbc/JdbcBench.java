package io.athanor.bench.jdbc;

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
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The reference: hand-written JDBC over a HikariCP pool, reading columns by index. A connection is
 * checked out per operation, as an application does; statements are prepared on it each time and
 * pgjdbc's per-connection statement cache turns them into server-side prepared statements after a
 * few uses, so each shape is parsed once per connection.
 */
@State(Scope.Benchmark)
public class JdbcBench {
    private HikariDataSource pool;

    /** Starts the pool once the schema is seeded. */
    @Setup(Level.Trial)
    public void start(Database database) {
        pool = Pools.hikari("jdbc-bench");
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void stop() {
        pool.close();
    }

    /** The pool, for workloads that drive the driver directly. */
    public DataSource pool() {
        return pool;
    }

    /** Workload 1. */
    public Product findProduct(long id) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.PRODUCT_BY_ID)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Rows.product(rs) : null;
            }
        }
    }

    /** Workload 2. */
    public List<Product> firstProducts(int count) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.FIRST_PRODUCTS)) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                List<Product> out = new ArrayList<>(count);
                while (rs.next()) {
                    out.add(Rows.product(rs));
                }
                return out;
            }
        }
    }

    /** Workload 3. */
    public List<ProductSummary> productSummaries() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.PRODUCT_SUMMARIES);
             ResultSet rs = ps.executeQuery()) {
            List<ProductSummary> out = new ArrayList<>(BenchSettings.PRODUCTS);
            while (rs.next()) {
                out.add(Rows.summary(rs));
            }
            return out;
        }
    }

    /** Workload 4, joined: one statement, users folded from the repeated user columns. */
    public List<User> usersWithOrdersJoined(int users) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.USERS_JOIN_ORDERS)) {
            ps.setLong(1, users);
            try (ResultSet rs = ps.executeQuery()) {
                List<User> out = new ArrayList<>(users);
                User current = null;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (current == null || current.id != id) {
                        current = Rows.user(rs);
                        out.add(current);
                    }
                    rs.getLong(4);
                    if (!rs.wasNull()) {
                        current.orders.add(Rows.order(rs, 4));
                    }
                }
                return out;
            }
        }
    }

    /** Workload 4, select-in: the users, then all their orders by {@code user_id = any(?)}. */
    public List<User> usersWithOrdersSelectIn(int users) throws SQLException {
        try (Connection c = pool.getConnection()) {
            List<User> out = new ArrayList<>(users);
            Map<Long, User> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(Sql.USERS_UP_TO)) {
                ps.setLong(1, users);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        User u = Rows.user(rs);
                        out.add(u);
                        byId.put(u.id, u);
                    }
                }
            }
            Long[] ids = byId.keySet().toArray(new Long[0]);
            try (PreparedStatement ps = c.prepareStatement(Sql.ORDERS_OF_USERS)) {
                Array array = c.createArrayOf("bigint", ids);
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Order o = Rows.order(rs, 1);
                        byId.get(o.userId).orders.add(o);
                    }
                }
                array.free();
            }
            return out;
        }
    }

    /** Workload 5: batched inserts in one transaction, generated ids read back into the objects. */
    public List<Order> insertOrders(int count) throws SQLException {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(Order.of(Inputs.userOf(i), Inputs.productNameOf(i), Inputs.totalOf(i), Inputs.CREATED_AT));
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(Sql.INSERT_ORDER, new String[] {"id"})) {
                int sent = 0;
                for (int i = 0; i < count; i++) {
                    Order o = orders.get(i);
                    ps.setLong(1, o.userId);
                    ps.setString(2, o.productName);
                    ps.setBigDecimal(3, o.total);
                    ps.setObject(4, o.createdAt);
                    ps.addBatch();
                    if ((i + 1) % BenchSettings.BATCH_SIZE == 0 || i + 1 == count) {
                        ps.executeBatch();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            while (keys.next()) {
                                orders.get(sent++).id = keys.getLong(1);
                            }
                        }
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
        return orders;
    }

    /** Workload 6: one batched {@code UPDATE} per row, in one transaction. */
    public int updateTotals(List<Map<String, Object>> updates) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(Sql.UPDATE_TOTAL)) {
                int rows = 0;
                for (int i = 0; i < updates.size(); i++) {
                    Map<String, Object> m = updates.get(i);
                    ps.setBigDecimal(1, (java.math.BigDecimal) m.get("total"));
                    ps.setLong(2, (Long) m.get("id"));
                    ps.addBatch();
                    if ((i + 1) % BenchSettings.BATCH_SIZE == 0 || i + 1 == updates.size()) {
                        for (int n : ps.executeBatch()) {
                            rows += n;
                        }
                    }
                }
                c.commit();
                return rows;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Workload 7, batched: JDBC batches of plain {@code INSERT}s, no keys read back. */
    public int insertArchiveBatched(List<Map<String, Object>> rows) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(Sql.INSERT_ARCHIVE)) {
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, Object> m = rows.get(i);
                    ps.setLong(1, (Long) m.get("userId"));
                    ps.setString(2, (String) m.get("productName"));
                    ps.setBigDecimal(3, (java.math.BigDecimal) m.get("total"));
                    ps.setObject(4, m.get("createdAt"));
                    ps.addBatch();
                    if ((i + 1) % BenchSettings.BATCH_SIZE == 0 || i + 1 == rows.size()) {
                        ps.executeBatch();
                    }
                }
                c.commit();
                return rows.size();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Workload 7, COPY: pgjdbc's CopyManager fed CSV in 64 KiB chunks. */
    public long copyArchive(List<Map<String, Object>> rows) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return CsvCopy.copy(c, Sql.COPY_ARCHIVE, rows);
        }
    }

    /** Workload 8: check out a pooled connection and run {@code select 1}. */
    public int selectOne() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.SELECT_ONE);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Workload 8 in a transaction, as a JDBC programmer writes it: autocommit off, {@code select 1}, rollback (pgjdbc
     * sends BEGIN with the query, then ROLLBACK: two round trips). HikariCP turns autocommit back on at return without
     * a round trip, the transaction being over.
     */
    public int selectOneInTransaction() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(Sql.SELECT_ONE); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            } finally {
                c.rollback();
            }
        }
    }

    /** Workload 9. */
    public List<UserStats> userStatistics() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.USER_STATISTICS);
             ResultSet rs = ps.executeQuery()) {
            List<UserStats> out = new ArrayList<>();
            while (rs.next()) {
                out.add(Rows.stats(rs));
            }
            return out;
        }
    }
}

package io.athanor.bench.athanor;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Sql.coalesce;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.sum;

import io.athanor.bench.BenchSettings;
import io.athanor.bench.Database;
import io.athanor.bench.Inputs;
import io.athanor.bench.ProductSummary;
import io.athanor.bench.UserStats;
import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Athanor as an application uses it: one engine with a steady pool of {@link BenchSettings#POOL_SIZE}
 * connections (no overflow, no pre-ping, no echo), one session factory, a new session per operation.
 */
@State(Scope.Benchmark)
public class AthanorBench {
    private static final Text SELECT_ONE = Text.text("select 1");

    private Engine engine;
    private SessionFactory sessions;

    /** Builds the engine and the session factory once the schema is seeded. */
    @Setup(Level.Trial)
    public void start(Database database) {
        engine = Engine.builder(BenchSettings.url())
                .user(BenchSettings.user())
                .password(BenchSettings.password())
                .poolSize(BenchSettings.POOL_SIZE)
                .maxOverflow(0)
                .build();
        sessions = SessionFactory.builder(engine)
                .entities(Product.class, User.class, Order.class, ArchivedOrder.class)
                .build();
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    /** Workload 1. */
    public Product findProduct(long id) {
        try (Session s = sessions.open()) {
            return s.get(Product.class, id);
        }
    }

    /** Workload 2. */
    public List<Product> firstProducts(int count) {
        try (Session s = sessions.open()) {
            return s.select(Product.class).orderBy(Product_.id).limit(count).list();
        }
    }

    /** Workload 2 in a read-only session (a read-only transaction, changes in memory refused at its end). */
    public List<Product> firstProductsReadOnly(int count) {
        try (Session s = sessions.open(SessionOptions.readOnly())) {
            List<Product> products = s.select(Product.class).orderBy(Product_.id).limit(count).list();
            s.commit();
            return products;
        }
    }

    /** Workload 3. */
    public List<ProductSummary> productSummaries() {
        try (Session s = sessions.open()) {
            return s.select(Product_.id, Product_.name, Product_.price).list(ProductSummary.class);
        }
    }

    /** Workload 4, select-in: the mapping's own loader, one {@code IN (...)} query for the orders. */
    public List<User> usersWithOrdersSelectIn(int users) {
        try (Session s = sessions.open()) {
            return s.select(User.class).where(User_.id.le((long) users)).orderBy(User_.id).list();
        }
    }

    /** Workload 4, select-in, in a read-only session (committed, so its end compares what it loaded). */
    public List<User> usersWithOrdersSelectInReadOnly(int users) {
        try (Session s = sessions.open(SessionOptions.readOnly())) {
            List<User> out = s.select(User.class).where(User_.id.le((long) users)).orderBy(User_.id).list();
            s.commit();
            return out;
        }
    }

    /** Workload 4, joined: the per-query option overrides the mapping's select-in; one statement, users left-joined to orders. */
    public List<User> usersWithOrdersJoined(int users) {
        try (Session s = sessions.open()) {
            return s.select(User.class).options(joinedLoad(User_.orders)).where(User_.id.le((long) users)).orderBy(User_.id).list();
        }
    }

    /** Workload 5: add the new orders, commit; the flush sends them batched and sets their ids. */
    public List<Order> insertOrders(int count) {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(new Order(Inputs.userOf(i), Inputs.productNameOf(i), Inputs.totalOf(i), Inputs.CREATED_AT));
        }
        try (Session s = sessions.open()) {
            s.addAll(orders);
            s.commit();
        }
        return orders;
    }

    /**
     * Workload FlushPerRow: adds {@code count} orders one at a time in one transaction, flushing after each
     * to read its id; with {@code expunge}, each order leaves the session after its flush.
     */
    public long insertOrdersFlushingEach(int count, boolean expunge) {
        long sum = 0;
        try (Session s = sessions.open()) {
            for (int i = 0; i < count; i++) {
                Order o = new Order(Inputs.userOf(i), Inputs.productNameOf(i), Inputs.totalOf(i), Inputs.CREATED_AT);
                s.add(o);
                s.flush();
                sum += o.getId();
                if (expunge) {
                    s.expunge(o);
                }
            }
            s.commit();
        }
        return sum;
    }

    /** Workload 6. */
    public long updateTotals(List<Map<String, Object>> updates) {
        try (Session s = sessions.open()) {
            long rows = s.bulkUpdateMappings(Order.class, updates);
            s.commit();
            return rows;
        }
    }

    /** Workload 7, in the given mode (COPY or batched INSERTs). */
    public long insertArchive(List<Map<String, Object>> rows, BulkMode mode) {
        try (Session s = sessions.open()) {
            long n = s.bulkInsertMappings(ArchivedOrder.class, rows, mode);
            s.commit();
            return n;
        }
    }

    /** Workload 8: check out an engine connection and run {@code select 1}. */
    public Object selectOne() {
        try (Connection c = engine.connect()) {
            return c.execute(SELECT_ONE).one().get(0);
        }
    }

    /** Workload 8 with autocommit on: a read that needs no transaction (SQLAlchemy's AUTOCOMMIT isolation). */
    public Object selectOneAutocommit() {
        try (Connection c = engine.connect()) {
            c.autocommit(true);
            return c.execute(SELECT_ONE).one().get(0);
        }
    }

    /** Workload 9: the seed's {@code get_user_statistics}, as in the examples module. */
    public List<UserStats> userStatistics() {
        try (Session s = sessions.open()) {
            return s.select(User_.id, User_.name, count(Order_.id).as("order_count"),
                            coalesce(sum(Order_.total), BigDecimal.ZERO).as("total_spent"))
                    .outerJoin(Order.class)
                    .groupBy(User_.id, User_.name)
                    .list(UserStats.class);
        }
    }
}

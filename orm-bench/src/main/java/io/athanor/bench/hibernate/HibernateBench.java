package io.athanor.bench.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import io.athanor.bench.BenchSettings;
import io.athanor.bench.Database;
import io.athanor.bench.Inputs;
import io.athanor.bench.Pools;
import io.athanor.bench.ProductSummary;
import io.athanor.bench.UserStats;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hibernate ORM configured for speed as its user guide advises: JDBC batching with ordered inserts
 * and updates, no second-level or query cache, statistics off, pooled sequences for batched
 * inserts, a default batch-fetch size for lazy collections. It runs on the same HikariCP pool as
 * JDBC and JDBI, handed over as a {@code DataSource}. A new {@link Session} per operation.
 */
@State(Scope.Benchmark)
public class HibernateBench {
    private HikariDataSource pool;
    private SessionFactory factory;

    /** Boots Hibernate once the schema is seeded. */
    @Setup(Level.Trial)
    public void start(Database database) {
        pool = Pools.hikari("hibernate-bench");
        Configuration cfg = new Configuration()
                .addAnnotatedClasses(Product.class, User.class, Order.class, ArchivedOrder.class)
                .setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, BenchSettings.BATCH_SIZE)
                .setProperty(AvailableSettings.ORDER_INSERTS, true)
                .setProperty(AvailableSettings.ORDER_UPDATES, true)
                .setProperty(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 100)
                .setProperty(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
                .setProperty(AvailableSettings.USE_QUERY_CACHE, false)
                .setProperty(AvailableSettings.GENERATE_STATISTICS, false)
                .setProperty(AvailableSettings.SHOW_SQL, false)
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "none")
                // Hikari's connections are in autocommit; Hibernate need not check each one.
                .setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, false)
                // the X_ classes next to these entities are Athanor's metamodel (its processor reads jakarta
                // @Entity too), which Hibernate must not try to fill in as its own
                .setProperty(AvailableSettings.STATIC_METAMODEL_POPULATION, "disabled");
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        factory = cfg.buildSessionFactory();
    }

    /** Closes Hibernate and the pool. */
    @TearDown(Level.Trial)
    public void stop() {
        factory.close();
        pool.close();
    }

    /** Workload 1. */
    public Product findProduct(long id) {
        try (Session s = factory.openSession()) {
            return s.find(Product.class, id);
        }
    }

    /** Workload 2. */
    public List<Product> firstProducts(int count) {
        try (Session s = factory.openSession()) {
            return s.createSelectionQuery("from HProduct p order by p.id", Product.class).setMaxResults(count).getResultList();
        }
    }

    /** Workload 3: a record built by the query ({@code select new}). */
    public List<ProductSummary> productSummaries() {
        try (Session s = factory.openSession()) {
            return s.createSelectionQuery("select new io.athanor.bench.ProductSummary(p.id, p.name, p.price) from HProduct p",
                    ProductSummary.class).getResultList();
        }
    }

    /** Workload 4, joined: {@code join fetch}. */
    public List<User> usersWithOrdersJoined(int users) {
        try (Session s = factory.openSession()) {
            return s.createSelectionQuery("from HUser u left join fetch u.orders o where u.id <= :max order by u.id, o.id", User.class)
                    .setParameter("max", (long) users).getResultList();
        }
    }

    /** Workload 4, batch fetch: the users, then their lazy orders in batches of up to 100 collections. */
    public List<User> usersWithOrdersBatchFetch(int users) {
        try (Session s = factory.openSession()) {
            List<User> out = s.createSelectionQuery("from HUser u where u.id <= :max order by u.id", User.class)
                    .setParameter("max", (long) users).getResultList();
            for (User u : out) {
                u.getOrders().size();
            }
            return out;
        }
    }

    /** Workload 5: persist, commit; inserts batched with ids from the pooled sequence. */
    public List<Order> insertOrders(int count) {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(new Order(Inputs.userOf(i), Inputs.productNameOf(i), Inputs.totalOf(i), Inputs.CREATED_AT));
        }
        try (Session s = factory.openSession()) {
            Transaction tx = s.beginTransaction();
            for (Order o : orders) {
                s.persist(o);
            }
            tx.commit();
        }
        return orders;
    }

    /**
     * Workload 6. Hibernate has no update by mappings: the stateless session's batched
     * {@code update} writes every column of an entity it is given, which would need the rows'
     * other values. So the ORM way: load the orders, set the new totals, let the flush send
     * batched {@code UPDATE}s.
     */
    public int updateTotals(List<Map<String, Object>> updates) {
        try (Session s = factory.openSession()) {
            Transaction tx = s.beginTransaction();
            List<Order> orders = s.createSelectionQuery("from HOrder o where o.id <= :max order by o.id", Order.class)
                    .setParameter("max", (long) updates.size()).getResultList();
            for (int i = 0; i < updates.size(); i++) {
                orders.get(i).setTotal((BigDecimal) updates.get(i).get("total"));
            }
            tx.commit();
            return orders.size();
        }
    }

    /** Workload 7: a stateless session's batched inserts (Hibernate has no COPY). */
    public int insertArchive(List<Map<String, Object>> rows) {
        try (StatelessSession s = factory.openStatelessSession()) {
            s.setJdbcBatchSize(BenchSettings.BATCH_SIZE);
            Transaction tx = s.beginTransaction();
            for (Map<String, Object> m : rows) {
                s.insert(new ArchivedOrder((Long) m.get("userId"), (String) m.get("productName"),
                        (BigDecimal) m.get("total"), (LocalDateTime) m.get("createdAt")));
            }
            tx.commit();
            return rows.size();
        }
    }

    /** Workload 8: a session and a native {@code select 1}. */
    public Integer selectOne() {
        try (Session s = factory.openSession()) {
            return s.createNativeQuery("select 1", Integer.class).getSingleResult();
        }
    }

    /** Workload 9. */
    public List<UserStats> userStatistics() {
        try (Session s = factory.openSession()) {
            return s.createSelectionQuery("select new io.athanor.bench.UserStats(u.id, u.name, count(o.id), coalesce(sum(o.total), 0bd))"
                    + " from HUser u left join u.orders o group by u.id, u.name", UserStats.class).getResultList();
        }
    }
}

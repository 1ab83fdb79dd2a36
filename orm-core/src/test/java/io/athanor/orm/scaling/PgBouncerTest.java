package io.athanor.orm.scaling;

import static io.athanor.orm.engine.Text.text;
import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.IsolationLevel;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.model.shop.Order;
import io.athanor.orm.model.shop.Order_;
import io.athanor.orm.model.shop.Tag;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.model.shop.User_;
import io.athanor.orm.test.ScalingBed;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Athanor through PgBouncer 1.18 in transaction pooling mode, where each transaction may get another server
 * connection: isolation and read-only hold per session under concurrency, server-side prepared statements are
 * off (and their errors name the setting when they are not), and a representative part of the PostgreSQL
 * suite runs from two engines at once.
 */
class PgBouncerTest {
    private static final org.slf4j.Logger FIGURES = LoggerFactory.getLogger(PgBouncerTest.class);
    private static final String DB = "bouncer_suite";

    @RegisterExtension
    static final ScalingBed BED = ScalingBed.shared();

    private static final List<Engine> engines = new ArrayList<>();
    private static ExecutorService pool;

    @BeforeAll
    static void database() throws Exception {
        try (java.sql.Connection c = BED.primary().openJdbc(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DB);
            s.execute("create database " + DB);
        }
        sessions(engine(b -> b)).schema().createAll();
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void close() {
        pool.shutdownNow();
        engines.forEach(Engine::close);
    }

    /** An engine through PgBouncer on the suite's database, with transactionPooling on unless the settings say otherwise. */
    private static Engine engine(UnaryOperator<io.athanor.orm.engine.EngineBuilder> settings) {
        Engine e = settings.apply(Engine.builder(BED.pgBouncer().jdbcUrl(DB)).user("postgres").poolSize(6).maxOverflow(0)
                .transactionPooling(true)).build();
        engines.add(e);
        return e;
    }

    private static SessionFactory sessions(Engine engine) {
        return SessionFactory.builder(engine).entities(User.class, Order.class, io.athanor.orm.model.shop.OrderLine.class,
                io.athanor.orm.model.shop.Article.class, Tag.class, io.athanor.orm.model.shop.Category.class,
                io.athanor.orm.model.shop.Account.class).build();
    }

    private static <T> List<T> concurrently(int tasks, java.util.function.IntFunction<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int n = i;
            futures.add(pool.submit((Callable<T>) () -> task.apply(n)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    /** What one session's transaction ran at: its isolation level and read-only flag, read inside it. */
    private static String characteristics(Session s) {
        Row r = s.execute(text("select current_setting('transaction_isolation') as iso, "
                + "current_setting('transaction_read_only') as ro, pg_sleep(0.002)"), Map.of()).rows().get(0);
        return r.get("iso", String.class) + "/" + r.get("ro", String.class);
    }

    @Test
    void theSettingTheGuideShows() {
        String url = BED.pgBouncer().jdbcUrl(DB);
        // tag::transaction-pooling[]
        Engine engine = Engine.builder(url)                  // PgBouncer's address, pool_mode = transaction
                .user("postgres")
                .transactionPooling(true)                     // no server-side prepared statements
                .build();
        // end::transaction-pooling[]
        engines.add(engine);
        assertThat(engine.config().connectionProperties()).containsEntry("prepareThreshold", "0");
        try (Session s = sessions(engine).open(SessionOptions.isolation(IsolationLevel.SERIALIZABLE))) {
            assertThat(characteristics(s)).isEqualTo("serializable/off");
        }
    }

    @Test
    void eachSessionsIsolationAndReadOnlyHoldUnderConcurrency() throws Exception {
        SessionFactory sessions = sessions(engine(b -> b));
        List<String> seen = concurrently(160, n -> {
            SessionOptions options = switch (n % 4) {
                case 0 -> SessionOptions.defaults();
                case 1 -> SessionOptions.isolation(IsolationLevel.SERIALIZABLE);
                case 2 -> SessionOptions.readOnly();
                default -> SessionOptions.isolation(IsolationLevel.REPEATABLE_READ).asReadOnly();
            };
            try (Session s = sessions.open(options)) {
                String got = characteristics(s);
                s.commit();
                return n % 4 + "=" + got;
            }
        });
        long wrong = seen.stream().filter(v -> !v.equals(expected(v.charAt(0)))).count();
        FIGURES.info("figures: 160 concurrent sessions through PgBouncer (4 server connections): {} ran at a level or "
                + "read-only flag other than their own", wrong);
        assertThat(seen).allSatisfy(v -> assertThat(v).isEqualTo(expected(v.charAt(0))));
    }

    private static String expected(char kind) {
        return switch (kind) {
            case '0' -> "0=read committed/off";
            case '1' -> "1=serializable/off";
            case '2' -> "2=read committed/on";
            default -> "3=repeatable read/on";
        };
    }

    @Test
    void theEnginesDefaultIsolationHoldsForEverySessionAndLeaksToNoOtherClient() throws Exception {
        SessionFactory repeatable = sessions(engine(b -> b.isolationLevel(IsolationLevel.REPEATABLE_READ)));
        SessionFactory plain = sessions(engine(b -> b));
        List<String> seen = concurrently(160, n -> {
            try (Session s = (n % 2 == 0 ? repeatable : plain).open()) {
                String got = characteristics(s);
                s.commit();
                return (n % 2 == 0 ? "repeatable read/off" : "read committed/off").equals(got) ? "ok" : got;
            }
        });
        assertThat(seen).containsOnly("ok");
    }

    @Test
    @SuppressWarnings("try") // holding the server connection is the point; the holder is not used
    void withoutTransactionPoolingAPreparedStatementFromAnotherServerConnectionFailsNamingTheSetting() {
        Engine prepared = engine(b -> b.transactionPooling(false).poolSize(1));
        Engine unprepared = engine(b -> b.poolSize(1));
        Engine holders = engine(b -> b.poolSize(4));
        String sql = "select count(*) from shop_users where id > ?";
        try (Connection c = prepared.connect()) {
            int server = runFiveTimes(c, sql);
            try (ServerHeld held = ServerHeld.hold(holders, server)) {
                assertThatThrownBy(() -> c.query(sql, List.of(0L), ps -> ps.setLong(1, 0L), rs -> rs.next()))
                        .isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("prepared statement")
                        .hasMessageContaining("transactionPooling(true)")
                        .hasMessageContaining("prepareThreshold=0");
                c.rollback();
            }
        }
        try (Connection c = unprepared.connect()) {
            int server = runFiveTimes(c, sql);
            try (ServerHeld held = ServerHeld.hold(holders, server)) {
                boolean answered = c.query(sql, List.of(0L), ps -> ps.setLong(1, 0L), rs -> rs.next());
                assertThat(answered).isTrue();
                assertThat(c.execute(text("select pg_backend_pid()")).scalar(Integer.class)).isNotEqualTo(server);
                c.commit();
            }
        }
    }

    /**
     * Runs {@code sql} five times (the driver's prepare threshold, where it names the statement on the server unless
     * told not to) in one transaction, so that all five reach one server connection; returns that server's process.
     * Five transactions could each land on a different server connection: without {@code prepareThreshold=0} the
     * driver names even its COMMIT on the first server it meets, and a later COMMIT elsewhere would fail first.
     */
    private static int runFiveTimes(Connection c, String sql) {
        for (int i = 0; i < 5; i++) {
            c.query(sql, List.of(0L), ps -> ps.setLong(1, 0L), rs -> rs.next());
        }
        int pid = c.execute(text("select pg_backend_pid()")).scalar(Integer.class);
        c.commit();
        return pid;
    }

    /** Server connection {@code pid} held in an open transaction by another client, so that the next transaction runs elsewhere. */
    private static final class ServerHeld implements AutoCloseable {
        private final Connection holder;

        private ServerHeld(Connection holder) {
            this.holder = holder;
        }

        static ServerHeld hold(Engine holders, int pid) {
            List<Connection> others = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Connection h = holders.connect();
                    if (h.execute(text("select pg_backend_pid()")).scalar(Integer.class) == pid) {
                        return new ServerHeld(h);
                    }
                    others.add(h);                               // keeps that server busy while the next holder looks
                }
                throw new AssertionError("none of PgBouncer's 4 server connections is process " + pid);
            } finally {
                others.forEach(Connection::close);
            }
        }

        @Override
        public void close() {
            holder.close();
        }
    }

    @Test
    void aRepresentativePartOfTheSuiteRunsFromTwoEnginesAtOnce() throws Exception {
        SessionFactory a = sessions(engine(b -> b));
        SessionFactory b = sessions(engine(b2 -> b2));
        List<String> outcomes = concurrently(40, n -> workload(n % 2 == 0 ? a : b, n));
        assertThat(outcomes).containsOnly("ok");
        assertThat(BED.pgBouncer().serverConnections(DB)).isLessThanOrEqualTo(4);
    }

    /** One round of the suite's kinds of work; returns "ok" or throws with what went wrong. */
    private static String workload(SessionFactory sessions, int n) {
        long userId;
        try (Session s = sessions.open()) {                                   // flush with generated ids
            User u = new User("bouncer" + n);
            for (int i = 0; i < 3; i++) {
                Order o = new Order("p" + i, u);
                o.line("line a");
                o.line("line b");
            }
            s.add(u);
            s.commit();
            userId = u.getId();
            assertThat(u.getOrders()).allSatisfy(o -> assertThat(o.getId()).isNotNull());
        }
        try (Session s = sessions.open()) {                                   // batches and COPY
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                rows.add(Map.of("label", "t" + n + "-" + i));
            }
            assertThat(s.bulkInsertMappings(Tag.class, rows, BulkMode.BATCH)).isEqualTo(20);
            List<Map<String, Object>> copied = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                copied.add(Map.of("label", "c" + n + "-" + i));
            }
            assertThat(s.bulkInsertMappings(Tag.class, copied, BulkMode.COPY)).isEqualTo(20);
            s.commit();
        }
        try (Session s = sessions.open()) {                                   // one query past the prepare threshold
            for (int i = 0; i < 8; i++) {
                assertThat(s.select(User.class).where(User_.id.eq(userId)).one().getName()).isEqualTo("bouncer" + n);
                s.commit();
            }
        }
        for (io.athanor.orm.query.Load load : List.of(joinedLoad(User_.orders), selectinLoad(User_.orders),
                subqueryLoad(User_.orders), lazyLoad(User_.orders))) {       // every loader
            try (Session s = sessions.open()) {
                User u = s.select(User.class).where(User_.id.eq(userId)).options(load).one();
                assertThat(u.getOrders()).hasSize(3);
                assertThat(u.getOrders().get(0).getLines()).hasSize(2);
            }
        }
        try (Session s = sessions.open()) {                                   // text(), savepoints, streams
            assertThat(s.execute(text("select count(*) from shop_orders where user_id = :id"), Map.of("id", userId))
                    .scalar(Long.class)).isEqualTo(3L);
            User u = s.get(User.class, userId);
            io.athanor.orm.engine.Savepoint sp = s.beginNested();
            u.setName("renamed in a savepoint");
            s.flush();
            sp.rollback();
            s.commit();
            try (java.util.stream.Stream<Order> orders = s.select(Order.class).where(Order_.user.eq(u)).stream(2)) {
                assertThat(orders.count()).isEqualTo(3);
            }
            s.commit();
        }
        try (Session s = sessions.open(SessionOptions.readOnly())) {           // read-only
            assertThat(s.get(User.class, userId).getName()).isEqualTo("bouncer" + n);
        }
        try (Session s = sessions.open(SessionOptions.isolation(IsolationLevel.SERIALIZABLE))) {   // isolation
            assertThat(characteristics(s)).isEqualTo("serializable/off");
        }
        User async = sessions.async().inTransaction(s -> s.get(User.class, userId)).join();       // async
        assertThat(async.getName()).isEqualTo("bouncer" + n);
        return "ok";
    }
}

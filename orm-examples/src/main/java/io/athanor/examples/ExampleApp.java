package io.athanor.examples;

import static io.athanor.orm.engine.Text.text;

import io.athanor.examples.model.Article;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.User;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.DatabaseInfo;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Text;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Walks through the seed article's engine section: an engine with the production pool settings, a
 * few statements, their results and the pool's figures.
 *
 * <p>Runs on embedded H2 by default. {@code -Ddb=postgres} uses the local PostgreSQL
 * ({@code postgresql://postgres@127.0.0.1:5432/test}); {@code -Ddb.url=...} any URL the engine accepts.
 */
public final class ExampleApp {
    private static final Text CREATE_USERS = text(
            "create table users (id int primary key, name varchar(50) not null, balance decimal(12,2))");
    private static final Text INSERT_USER = text("insert into users (id, name, balance) values (:id, :name, :balance)");
    private static final Text RICH_USERS = text(
            "select id, name, balance from users where balance >= :min order by balance desc");

    private final PrintStream out;

    ExampleApp(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        new ExampleApp(System.out).run(databaseUrl());
    }

    static String databaseUrl() {
        String url = System.getProperty("db.url");
        if (url != null && !url.isBlank()) {
            return url;
        }
        String db = System.getProperty("db", "h2");
        switch (db) {
            case "h2":
                return "h2:mem:athanor_example";
            case "postgres":
            case "postgresql":
                return "postgresql://postgres@127.0.0.1:5432/test";
            case "mariadb":
                return "mariadb://root@127.0.0.1:3306/test";
            default:
                throw new IllegalArgumentException("Unknown -Ddb=" + db + "; use h2, postgres or mariadb, or -Ddb.url=<url>.");
        }
    }

    void run(String url) {
        heading("1. The Engine");
        // The seed's create_engine(..., pool_size=20, max_overflow=30, pool_pre_ping=True, echo=False)
        try (Engine engine = Engine.builder(url)
                .poolSize(20).maxOverflow(30)
                .prePing(true).echo(false)
                .build()) {
            DatabaseInfo db = engine.database();
            out.printf("Database     %s %s%n", db.productName(), db.productVersion());
            out.printf("Connected to %s%n", engine.config().describeTarget());
            out.printf("Pool         poolSize=%d, maxOverflow=%d, prePing=%s, echo=%s%n", engine.config().poolSize(),
                    engine.config().maxOverflow(), engine.config().prePing(), engine.config().echo());

            AtomicInteger statements = new AtomicInteger();
            engine.events().afterExecute(e -> statements.incrementAndGet());
            engine.events().slowQueryLog(Duration.ofMillis(100));

            heading("2. Statements with named parameters");
            engine.runInTransaction(c -> {
                c.execute(text("drop table if exists users"));
                c.execute(CREATE_USERS);
                long[] inserted = c.executeBatch(INSERT_USER, List.of(
                        Params.of("id", 1, "name", "Ada Lovelace", "balance", new BigDecimal("1815.12")),
                        Params.of("id", 2, "name", "Alan Turing", "balance", new BigDecimal("1912.06")),
                        Params.of("id", 3, "name", "Grace Hopper", "balance", new BigDecimal("906.00")),
                        Params.of("id", 4, "name", "'; drop table users; --", "balance", null)));
                out.printf("Inserted %d users in one batch%n", inserted.length);
            });
            try (Connection c = engine.connect()) {
                Result rich = c.execute(RICH_USERS, Params.of("min", new BigDecimal("1000")));
                out.println("Users with a balance of at least 1000:");
                TablePrinter.print(out, rich);
                long total = c.execute(text("select count(*) from users")).scalar(Long.class);
                out.printf("All %d users are still there: values are bound, never spliced into SQL.%n", total);
            }

            heading("3. Transactions");
            try {
                engine.runInTransaction(c -> {
                    c.executeUpdate(INSERT_USER, Params.of("id", 5, "name", "Edsger Dijkstra", "balance", BigDecimal.TEN));
                    c.executeUpdate(INSERT_USER, Params.of("id", 1, "name", "duplicate id", "balance", BigDecimal.ONE));
                });
            } catch (RuntimeException e) {
                out.printf("The second insert failed (%s), so the whole transaction rolled back.%n", e.getClass().getSimpleName());
            }
            try (Connection c = engine.connect()) {
                Map<String, Object> params = Params.of("id", 5);
                out.printf("User 5 exists after the rollback: %s%n",
                        !c.execute(text("select id from users where id = :id"), params).isEmpty());
            }

            heading("4. Mapped entities and the seed's queries");
            SessionFactory sessions = SessionFactory.builder(engine)
                    .entities(User.class, Order.class, Article.class)
                    .build();
            sessions.schema().dropAll();
            sessions.schema().createAll();
            LocalDateTime now = LocalDateTime.of(2024, 6, 1, 12, 0);
            User ada = SeedQueries.createUserWithOrders(sessions, "Ada Lovelace", List.of(
                    new Order("Analytical Engine", new BigDecimal("1843.00"), now.minusDays(3), null),
                    new Order("Notes", new BigDecimal("12.50"), now.minusDays(45), null)));
            SeedQueries.createUserWithOrders(sessions, "Alan Turing", List.of(
                    new Order("Bombe", new BigDecimal("1940.00"), now.minusDays(10), null)));
            SeedQueries.createUserWithOrders(sessions, "Grace Hopper", List.of());
            out.printf("create_user_with_orders: Ada Lovelace got id %d from the flush, before the commit%n", ada.getId());
            try (Session s = sessions.open()) {
                out.println("get_user_statistics:");
                TablePrinter.print(out, SeedQueries.userStatistics(s));
                out.println("get_active_users_with_orders (orders in the last 30 days):");
                for (User u : SeedQueries.activeUsersWithOrders(s, now)) {
                    out.printf("  %s%n", u.getName());
                }
                AtomicInteger loadStatements = new AtomicInteger();
                try (var counting = engine.events().afterExecute(e -> loadStatements.incrementAndGet())) {
                    List<User> users = s.select(User.class).list();
                    for (User u : users) {
                        out.printf("  %-14s %d order(s)%n", u.getName(), u.getOrders().size());
                    }
                    out.printf("Users with their orders (lazy=\"selectin\"): %d statements for %d users, not %d%n",
                            loadStatements.get(), users.size(), users.size() + 1);
                }
                long updated = SeedQueries.bulkUpdateUsers(s, List.of(
                        java.util.Map.of("id", ada.getId(), "name", "Augusta Ada King")));
                out.printf("bulk_update_users: %d row updated by mappings%n", updated);
            }
            out.printf("Statement cache: %s%n", sessions.queryCacheStats());
            sessions.schema().dropAll();

            heading("5. Pool figures");
            out.printf("%s%n", engine.pool());
            out.println("(the pool opens its steady connections in the background, up to poolSize; overflow ones");
            out.println(" open only under load and close again once idle)");
            out.printf("Statements run: %d%n", statements.get());
        }
    }

    private void heading(String title) {
        out.println();
        out.println(title);
        out.println("-".repeat(title.length()));
    }
}

package io.athanor.examples;

import io.athanor.examples.model.Order;
import io.athanor.examples.model.User;
import io.athanor.examples.model.UserStats;
import io.athanor.examples.model.UserStats_;
import io.athanor.examples.model.User_;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Section 8: the seed's scalability patterns: a read-only session, an async query, and a materialized view. */
final class ScalingSection {
    private final Console console;
    private final SessionFactory sessions;

    ScalingSection(Console console, SessionFactory sessions) {
        this.console = console;
        this.sessions = sessions;
    }

    void run(LocalDateTime now) {
        console.heading("8. Read-only sessions, async queries, materialized views");
        readOnly();
        async();
        materializedView(now);
    }

    private void readOnly() {
        console.subheading("A read-only session");
        // tag::read-only[]
        try (Session session = sessions.open(SessionOptions.readOnly())) {
            List<User> users = session.select(User.class).list();          // reads work as usual
            console.line("Read %d users.", users.size());
            session.add(new User("Written in a read-only session"));     // refused before any SQL is sent
        } catch (AthanorException e) {
            console.line("Refused: %s", Console.shorten(e.getMessage(), 110));
        }
        // end::read-only[]
    }

    private void async() {
        console.subheading("An async query");
        // tag::async[]
        CompletableFuture<List<Row>> statistics = sessions.async().run(SeedQueries::getUserStatistics);
        CompletableFuture<String> thread = sessions.async().run(s -> Thread.currentThread().toString());
        // ... the calling thread is free to do other work meanwhile ...
        List<Row> rows = statistics.join();
        // end::async[]
        console.line("get_user_statistics ran on another thread and returned %d rows.", rows.size());
        console.line("Work runs on %s.", thread.join().startsWith("VirtualThread") ? "virtual threads (Java 21+)"
                : "a pool sized to the engine's connections (Java 17-20)");
    }

    private void materializedView(LocalDateTime now) {
        console.subheading("analytics.user_stats, a materialized view");
        // tag::refresh-view[]
        sessions.refresh(UserStats.class);                 // recompute it from its query
        // end::refresh-view[]
        console.line("After refresh(UserStats.class):");
        printStats();
        Long knuth;
        try (Session session = sessions.open()) {
            knuth = session.select(User_.id).where(User_.name.eq("Donald Knuth")).one().get("id", Long.class);
        }
        sessions.runInTransaction(s -> s.add(new Order("Concrete Mathematics", new BigDecimal("95.00"), now, knuth)));
        console.line("A new order for Donald Knuth: the view still shows %d orders for him until it is refreshed.",
                totalOrders(knuth));
        sessions.refresh(UserStats.class);
        console.line("After a second refresh it shows %d.", totalOrders(knuth));
    }

    private void printStats() {
        try (Session session = sessions.open()) {
            // tag::read-view[]
            List<UserStats> stats = session.select(UserStats.class).orderBy(UserStats_.userId).list();
            // end::read-view[]
            console.table(List.of("user_id", "total_orders", "average_order_value"), stats.stream()
                    .map(s -> java.util.Arrays.asList(s.getUserId(), s.getTotalOrders(), average(s.getAverageOrderValue())))
                    .toList());
        }
    }

    private long totalOrders(Long userId) {
        try (Session session = sessions.open()) {
            return session.get(UserStats.class, userId).getTotalOrders();
        }
    }

    private static Object average(Double value) {
        return value == null ? null : new BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}

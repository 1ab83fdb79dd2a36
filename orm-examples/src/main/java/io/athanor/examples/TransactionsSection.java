package io.athanor.examples;

import io.athanor.examples.model.Order;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.error.AthanorException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Section 6: the seed's {@code create_user_with_orders}: a flush gives the new user its id before
 * the commit; and the same function failing halfway, which rolls back everything, the flushed user
 * included.
 */
final class TransactionsSection {
    private final Console console;
    private final SessionFactory sessions;

    TransactionsSection(Console console, SessionFactory sessions) {
        this.console = console;
        this.sessions = sessions;
    }

    void run(LocalDateTime now) {
        console.heading("6. Transactions: flush, commit, rollback");
        console.subheading("create_user_with_orders, succeeding");
        try (StatementLog log = StatementLog.attach(sessions.engine())) {
            User user = SeedQueries.createUserWithOrders(sessions, "Donald Knuth", List.of(
                    new Order("TAOCP Vol. 1", new BigDecimal("80.00"), now.minusDays(1), null),
                    new Order("TeX manual", new BigDecimal("30.00"), now.minusDays(2), null)));
            log.print(console);
            console.line("The flush (statement 1) gave %s id %d; the orders used it; the commit kept all three rows.",
                    user.getName(), user.getId());
        }
        console.line("Saved: %d user named Donald Knuth with %d orders", countUsers("Donald Knuth"), ordersOf("Donald Knuth"));

        console.subheading("create_user_with_orders, failing");
        try {
            SeedQueries.createUserWithOrders(sessions, "Ken Thompson", List.of(
                    new Order("Unix tape", new BigDecimal("10.00"), now, null),
                    new Order("Undated order", new BigDecimal("20.00"), null, null)));   // created_at is NOT NULL
            console.line("unexpected: the failing transaction committed");
        } catch (AthanorException e) {
            console.line("Failed: %s", e.getClass().getSimpleName());
            console.line("        %s", Console.shorten(e.getMessage(), 110));
        }
        console.line("Saved: %d users named Ken Thompson: the user the flush inserted was rolled back with the rest.",
                countUsers("Ken Thompson"));
    }

    private long countUsers(String name) {
        try (Session session = sessions.open()) {
            return session.select(User.class).where(User_.name.eq(name)).count();
        }
    }

    private int ordersOf(String name) {
        try (Session session = sessions.open()) {
            return session.select(User.class).where(User_.name.eq(name)).one().getOrders().size();
        }
    }
}

package io.athanor.examples;

import io.athanor.examples.model.User;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import java.time.LocalDateTime;
import java.util.List;

/** Section 4: the seed's {@code get_user_statistics} and {@code get_active_users_with_orders}, with their rows. */
final class QueriesSection {
    private final Console console;
    private final SessionFactory sessions;

    QueriesSection(Console console, SessionFactory sessions) {
        this.console = console;
        this.sessions = sessions;
    }

    void run(LocalDateTime now) {
        console.heading("4. Queries: aggregation and subqueries");
        try (Session session = sessions.open(); StatementLog log = StatementLog.attach(sessions.engine())) {
            console.subheading("get_user_statistics: count and sum per user, outer join, group by");
            console.rows(SeedQueries.getUserStatistics(session));
            console.line("SQL: %s", Console.shorten(log.sql().get(0), 300));

            console.subheading("get_active_users_with_orders: users with an order in the last 30 days");
            List<User> active = SeedQueries.getActiveUsersWithOrders(session, now);
            console.table(List.of("id", "name"), active.stream().map(u -> List.of(u.getId(), u.getName())).toList());
            console.line("SQL: %s", Console.shorten(log.sql().get(1), 300));
        }
    }
}

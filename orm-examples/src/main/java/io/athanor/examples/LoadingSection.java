package io.athanor.examples;

import io.athanor.examples.model.Order;
import io.athanor.examples.model.Order_;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Section 3: loading every user with their orders, one way per strategy, each with the statements it
 * sent (recorded through engine events), so the N+1 problem and its cure are seen side by side.
 */
final class LoadingSection {
    private final Console console;
    private final SessionFactory sessions;
    private final List<List<?>> summary = new ArrayList<>();

    LoadingSection(Console console, SessionFactory sessions) {
        this.console = console;
        this.sessions = sessions;
    }

    void run() {
        console.heading("3. Relationship loading");
        console.line("Every user with their orders, loaded in different ways.");
        selectin();
        handWrittenLoop();
        console.subheading("Statements per strategy");
        console.table(List.of("strategy", "statements", "users", "orders"), summary);
    }

    /** The mapping's {@code lazy="selectin"}: one query for the users, one {@code IN (...)} query for all their orders. */
    private void selectin() {
        measure("SELECTIN", "the mapping's fetch = FetchMode.SELECTIN on User.orders", session -> {
            // tag::selectin[]
            List<User> users = session.select(User.class).orderBy(User_.id).list();
            int orders = 0;
            for (User user : users) {
                orders += user.getOrders().size();               // already loaded: no statement here
            }
            // end::selectin[]
            return new Loaded(users.size(), orders);
        });
    }

    /** The N+1 pattern written by hand: the users, then one query per user for their orders. */
    private void handWrittenLoop() {
        measure("N+1 loop", "one query per user, written by hand", session -> {
            // tag::n-plus-one[]
            List<Row> users = session.select(User_.id, User_.name).orderBy(User_.id).list();
            int orders = 0;
            for (Row user : users) {
                List<Order> theirs = session.select(Order.class)
                        .where(Order_.userId.eq(user.get("id", Long.class)))
                        .list();                                  // one more round trip per user
                orders += theirs.size();
            }
            // end::n-plus-one[]
            return new Loaded(users.size(), orders);
        });
    }

    private void measure(String strategy, String how, Function<Session, Loaded> load) {
        console.subheading(strategy + ": " + how);
        Loaded loaded;
        int statements;
        try (Session session = sessions.open(); StatementLog log = StatementLog.attach(sessions.engine())) {
            loaded = load.apply(session);
            statements = log.count();
            log.print(console);
        }
        console.line("%d statements for %d users and %d orders", statements, loaded.users(), loaded.orders());
        summary.add(List.of(strategy, statements, loaded.users(), loaded.orders()));
    }

    /** How many users and orders a strategy loaded. */
    private record Loaded(int users, int orders) {
    }
}

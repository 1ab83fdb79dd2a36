package io.athanor.examples;

import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import java.util.List;
import java.util.Map;

/** Section 5: the seed's {@code bulk_update_users}: rows given as maps, sent as one batched UPDATE. */
final class BulkSection {
    private final Console console;
    private final SessionFactory sessions;

    BulkSection(Console console, SessionFactory sessions) {
        this.console = console;
        this.sessions = sessions;
    }

    void run() {
        console.heading("5. Bulk operations");
        try (Session session = sessions.open()) {
            List<User> users = session.select(User.class).orderBy(User_.id).limit(3).list();
            try (StatementLog log = StatementLog.attach(sessions.engine())) {
                // tag::bulk-update-call[]
                List<Map<String, Object>> updates = List.of(
                        Map.of("id", users.get(0).getId(), "name", "Augusta Ada King"),
                        Map.of("id", users.get(1).getId(), "name", "Alan M. Turing"),
                        Map.of("id", users.get(2).getId(), "name", "Grace Brewster Hopper"));
                long rows = SeedQueries.bulkUpdateUsers(session, updates);
                // end::bulk-update-call[]
                console.line("bulk_update_users: %d rows updated by %d statement:", rows, log.count());
                log.print(console);
            }
        }
        try (Session session = sessions.open()) {
            console.line("");
            console.line("The users now:");
            console.rows(session.select(User_.id, User_.name).orderBy(User_.id).list());
        }
        console.line("Instances the session holds take the values a bulk update wrote, so its commit writes those rows once.");
    }
}

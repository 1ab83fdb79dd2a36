package io.athanor.examples;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;

import io.athanor.examples.model.Article;
import io.athanor.examples.model.Article_;
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
        joined();
        subquery();
        lazy();
        handWrittenLoop();
        dynamic();
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

    /** {@code joinedload}: the orders come in the users' own statement, by a LEFT OUTER JOIN. */
    private void joined() {
        measure("JOINED", "joinedLoad(User_.orders) for this query", session -> {
            // tag::joined[]
            List<User> users = session.select(User.class).orderBy(User_.id)
                    .options(joinedLoad(User_.orders))           // one statement: users LEFT OUTER JOIN orders
                    .list();
            // end::joined[]
            return new Loaded(users.size(), users.stream().mapToInt(u -> u.getOrders().size()).sum());
        });
    }

    /** {@code subqueryload}: a second statement joins the orders to the users' query, run again as a subquery. */
    private void subquery() {
        measure("SUBQUERY", "subqueryLoad(User_.orders) for this query", session -> {
            // tag::subquery[]
            List<User> users = session.select(User.class).orderBy(User_.id)
                    .options(subqueryLoad(User_.orders))         // orders WHERE user_id IN (SELECT id FROM <the users query>)
                    .list();
            // end::subquery[]
            return new Loaded(users.size(), users.stream().mapToInt(u -> u.getOrders().size()).sum());
        });
    }

    /**
     * {@code lazy="select"}: each user's orders load when first touched, one statement per user. The
     * session notices the pattern at the second lazy load and logs, once, the option that would have
     * avoided it; the statements are printed as they run, so the warning appears where it was raised.
     */
    private void lazy() {
        measure("SELECT (lazy)", "lazyLoad(User_.orders): loaded on first use", session -> {
            // tag::lazy[]
            List<User> users = session.select(User.class).orderBy(User_.id)
                    .options(lazyLoad(User_.orders))
                    .list();
            int orders = 0;
            for (User user : users) {
                orders += user.getOrders().size();               // one statement per user: the N+1 problem
            }
            // end::lazy[]
            return new Loaded(users.size(), orders);
        });
    }

    /** {@code lazy="dynamic"}: a query object; nothing loads until it is asked, and then only what was asked for. */
    private void dynamic() {
        console.subheading("DYNAMIC: User.articles is a query object");
        try (Session session = sessions.open(); StatementLog log = StatementLog.printing(sessions.engine(), console)) {
            // tag::dynamic[]
            User ada = session.select(User.class).where(User_.name.eq("Ada Lovelace")).one();
            long written = ada.getArticles().count();            // SELECT COUNT(*): no article is loaded
            List<Article> matching = ada.getArticles()
                    .where(Article_.title.like("Sketch%"))
                    .limit(10)
                    .list();                                      // one statement, only the matching rows
            // end::dynamic[]
            console.line("%s has written %d article(s); %d match 'Sketch%%': %s", ada.getName(), written, matching.size(),
                    matching.isEmpty() ? "-" : matching.get(0).getTitle());
            console.line("%d statements, and no article loaded that was not asked for", log.count());
        }
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
        try (Session session = sessions.open(); StatementLog log = StatementLog.printing(sessions.engine(), console)) {
            loaded = load.apply(session);                    // each statement printed as it runs
            statements = log.count();
        }
        console.line("%d statement%s for %d users and %d orders", statements, statements == 1 ? "" : "s", loaded.users(), loaded.orders());
        summary.add(List.of(strategy, statements, loaded.users(), loaded.orders()));
    }

    /** How many users and orders a strategy loaded. */
    private record Loaded(int users, int orders) {
    }
}

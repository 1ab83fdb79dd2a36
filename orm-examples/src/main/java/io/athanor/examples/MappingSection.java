package io.athanor.examples;

import static io.athanor.orm.query.Sql.avg;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.select;

import io.athanor.examples.model.Article;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.Order_;
import io.athanor.examples.model.User;
import io.athanor.examples.model.UserStats;
import io.athanor.examples.model.User_;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Section 2: the seed's {@code sessionmaker(autoflush=False)} and its User/Order/Article mapping (plus
 * the {@code analytics.user_stats} view of the last section), the schema created and sample rows added.
 */
final class MappingSection {
    private final Console console;

    MappingSection(Console console) {
        this.console = console;
    }

    /** Builds the session factory, creates the schema (dropping what a previous run left) and adds the sample data. */
    SessionFactory open(Engine engine, LocalDateTime now) {
        console.heading("2. The session factory and the mapping");
        // tag::session-factory[]
        SessionFactory sessions = SessionFactory.builder(engine)
                .autoflush(false)                            // sessionmaker(autocommit=False, autoflush=False)
                .entities(User.class, Order.class, Article.class, UserStats.class)
                .view(UserStats.class, select(
                                User_.id.as("user_id"),
                                count(Order_.id).as("total_orders"),
                                avg(Order_.amount).as("average_order_value"))
                        .outerJoin(Order.class)
                        .groupBy(User_.id))
                .build();
        // end::session-factory[]
        console.line("Dialect       %s (detected from the database)", sessions.dialect().name());
        console.line("Autoflush     off: queries do not flush pending changes first");
        sessions.schema().dropAll();
        // tag::create-schema[]
        sessions.schema().createAll();                       // Base.metadata.create_all(engine)
        // end::create-schema[]
        console.line("");
        console.line("Schema created (sessions.schema().createAll()):");
        int n = 0;
        for (String ddl : sessions.schema().createStatements()) {
            console.ddl(++n, ddl);
        }
        try (StatementLog log = StatementLog.attach(engine)) {
            SampleData.insert(sessions, now);
            console.line("");
            console.line("Sample data: %d users, %d orders, %d articles, in %d statements (inserts are batched).",
                    SampleData.USERS, SampleData.ORDERS, SampleData.ARTICLES, log.count());
        }
        twoWay(now);
        return sessions;
    }

    /** back_populates in memory: the entity classes are enhanced at build time, so one side updates the other. */
    private void twoWay(LocalDateTime now) {
        // tag::two-way[]
        User ada = new User("Ada");
        User alan = new User("Alan");
        Order engine = new Order(ada, "Analytical Engine", new BigDecimal("1843.00"), now);
        int adasOrders = ada.getOrders().size();    // 1: setting Order.user added it to User.orders
        alan.getOrders().add(engine);                // sets engine's user to alan, takes it out of ada's orders
        // end::two-way[]
        console.line("");
        console.line("Two-way relationships (entity classes enhanced by EntityEnhancer at build time):");
        console.line("  new Order(ada, ...)          -> ada's orders: %d", adasOrders);
        console.line("  alan.getOrders().add(order)  -> order's user: %s; ada's orders: %d, alan's: %d",
                engine.getUser().getName(), ada.getOrders().size(), alan.getOrders().size());
    }
}

package io.athanor.examples;

import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.sum;

import io.athanor.examples.model.Order;
import io.athanor.examples.model.Order_;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.Session;
import io.athanor.orm.engine.Row;
import io.athanor.orm.query.Select;
import java.time.LocalDateTime;
import java.util.List;

/** The seed's query functions, in Athanor. */
public final class SeedQueries {
    private SeedQueries() {
    }

    /** The seed's {@code create_user_with_orders}: flush to get the user's id, then add its orders; commit at the end. */
    public static User createUserWithOrders(io.athanor.orm.SessionFactory sessions, String name, List<Order> orders) {
        return sessions.inTransaction(session -> {
            User user = new User(name);
            session.add(user);
            session.flush();
            for (Order o : orders) {
                session.add(new Order(o.productName(), o.amount(), o.createdAt(), user.getId()));
            }
            return user;
        });
    }

    /** The seed's {@code bulk_update_users}: batched updates by mappings, then commit. */
    public static long bulkUpdateUsers(Session session, List<java.util.Map<String, Object>> updates) {
        long rows = session.bulkUpdateMappings(User.class, updates);
        session.commit();
        return rows;
    }

    /** {@code get_user_statistics}: order count and total spent per user, users without orders included. */
    public static List<Row> userStatistics(Session session) {
        return session.select(User_.id, User_.name, count(Order_.id).as("order_count"), sum(Order_.amount).as("total_spent"))
                .outerJoin(Order.class)
                .groupBy(User_.id, User_.name)
                .orderBy(User_.id)
                .list();
    }

    /** {@code get_active_users_with_orders}: users with an order in the 30 days before {@code now}. */
    public static List<User> activeUsersWithOrders(Session session, LocalDateTime now) {
        Select<Row> recentOrders = session.select(Order_.userId)
                .where(Order_.createdAt.gt(now.minusDays(30)))
                .subquery();
        return session.select(User.class).where(User_.id.in(recentOrders)).orderBy(User_.id).list();
    }
}

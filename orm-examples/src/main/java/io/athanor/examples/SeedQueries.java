package io.athanor.examples;

import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.sum;

import io.athanor.examples.model.Order;
import io.athanor.examples.model.Order_;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Row;
import io.athanor.orm.query.Select;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The seed's functions, one method each, in Athanor: the code the guide quotes. */
public final class SeedQueries {
    private SeedQueries() {
    }

    /** {@code get_user_statistics}: order count and total spent per user, users without orders included. */
    // tag::user-statistics[]
    public static List<Row> getUserStatistics(Session session) {
        return session.select(User_.id, User_.name,
                        count(Order_.id).as("order_count"),
                        sum(Order_.amount).as("total_spent"))
                .outerJoin(Order.class)                      // ON orders.user_id = users.id, from the mapping
                .groupBy(User_.id, User_.name)
                .orderBy(User_.id)
                .list();
    }
    // end::user-statistics[]

    /** {@code get_active_users_with_orders}: users with an order in the 30 days before {@code now}. */
    // tag::active-users[]
    public static List<User> getActiveUsersWithOrders(Session session, LocalDateTime now) {
        Select<Row> recentOrders = session.select(Order_.userId)
                .where(Order_.createdAt.gt(now.minusDays(30)))
                .subquery();
        return session.select(User.class)
                .where(User_.id.in(recentOrders))
                .orderBy(User_.id)
                .list();
    }
    // end::active-users[]

    /** {@code bulk_update_users}: batched UPDATEs from maps of field name to value, then commit. */
    // tag::bulk-update[]
    public static long bulkUpdateUsers(Session session, List<Map<String, Object>> updates) {
        long rows = session.bulkUpdateMappings(User.class, updates);
        session.commit();
        return rows;
    }
    // end::bulk-update[]

    /**
     * {@code create_user_with_orders}: flush to get the user's id, add its orders with that id, commit
     * when the block returns; roll back everything, the flushed user included, if anything fails.
     */
    // tag::create-user-with-orders[]
    public static User createUserWithOrders(SessionFactory sessions, String name, List<Order> orders) {
        return sessions.inTransaction(session -> {           // with get_db_session() as session:
            User user = new User(name);
            session.add(user);
            session.flush();                                 // INSERT now: user.getId() is set, nothing committed
            for (Order o : orders) {
                session.add(new Order(o.getProductName(), o.getAmount(), o.getCreatedAt(), user.getId()));
            }
            return user;                                     // commit; on any exception: rollback, rethrow
        });
    }
    // end::create-user-with-orders[]
}

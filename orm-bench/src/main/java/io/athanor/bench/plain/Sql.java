package io.athanor.bench.plain;

/** The SQL of every workload, shared by the JDBC and JDBI implementations so that both send the same text. */
public final class Sql {
    /** Workload 1. */
    public static final String PRODUCT_BY_ID = "select " + Rows.PRODUCT_COLUMNS + " from products where id = ?";
    /** Workload 2. */
    public static final String FIRST_PRODUCTS = "select " + Rows.PRODUCT_COLUMNS + " from products order by id limit ?";
    /** Workload 3. */
    public static final String PRODUCT_SUMMARIES = "select id, name, price from products";
    /** Workload 4, joined: users and their orders in one statement. */
    public static final String USERS_JOIN_ORDERS = "select u.id, u.name, u.email, o.id, o.user_id, o.product_name, o.total, o.created_at"
            + " from users u left outer join orders o on o.user_id = u.id where u.id <= ? order by u.id, o.id";
    /** Workload 4, select-in: the users... */
    public static final String USERS_UP_TO = "select " + Rows.USER_COLUMNS + " from users where id <= ? order by id";
    /** ...then their orders. */
    public static final String ORDERS_OF_USERS = "select " + Rows.ORDER_COLUMNS + " from orders where user_id = any (?) order by id";
    /** Workload 5. */
    public static final String INSERT_ORDER = "insert into orders (user_id, product_name, total, created_at) values (?, ?, ?, ?)";
    /** Workload 6. */
    public static final String UPDATE_TOTAL = "update orders set total = ? where id = ?";
    /** Workload 7, batched. */
    public static final String INSERT_ARCHIVE = "insert into order_archive (user_id, product_name, total, created_at) values (?, ?, ?, ?)";
    /** Workload 7, COPY. */
    public static final String COPY_ARCHIVE = "copy order_archive (user_id, product_name, total, created_at) from stdin (format csv)";
    /** Workload 8. */
    public static final String SELECT_ONE = "select 1";
    /** Workload 9: the seed's {@code get_user_statistics}. */
    public static final String USER_STATISTICS = "select u.id, u.name, count(o.id) as order_count, coalesce(sum(o.total), 0) as total_spent"
            + " from users u left outer join orders o on o.user_id = u.id group by u.id, u.name";

    private Sql() {
    }
}

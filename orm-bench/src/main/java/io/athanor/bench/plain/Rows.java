package io.athanor.bench.plain;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads plain objects from result sets by column index, starting at a given column. */
public final class Rows {
    /** {@code id, name, description, price, stock, created_at}. */
    public static final String PRODUCT_COLUMNS = "id, name, description, price, stock, created_at";
    /** {@code id, name, email}. */
    public static final String USER_COLUMNS = "id, name, email";
    /** {@code id, user_id, product_name, total, created_at}. */
    public static final String ORDER_COLUMNS = "id, user_id, product_name, total, created_at";

    private Rows() {
    }

    /** A product from {@link #PRODUCT_COLUMNS} at columns 1 to 6. */
    public static Product product(ResultSet rs) throws SQLException {
        Product p = new Product();
        p.id = rs.getLong(1);
        p.name = rs.getString(2);
        p.description = rs.getString(3);
        p.price = rs.getBigDecimal(4);
        p.stock = rs.getInt(5);
        p.createdAt = rs.getObject(6, java.time.LocalDateTime.class);
        return p;
    }

    /** A user from {@link #USER_COLUMNS} at columns 1 to 3. */
    public static User user(ResultSet rs) throws SQLException {
        User u = new User();
        u.id = rs.getLong(1);
        u.name = rs.getString(2);
        u.email = rs.getString(3);
        return u;
    }

    /** An order from {@link #ORDER_COLUMNS} starting at column {@code first}. */
    public static Order order(ResultSet rs, int first) throws SQLException {
        Order o = new Order();
        o.id = rs.getLong(first);
        o.userId = rs.getLong(first + 1);
        o.productName = rs.getString(first + 2);
        o.total = rs.getBigDecimal(first + 3);
        o.createdAt = rs.getObject(first + 4, java.time.LocalDateTime.class);
        return o;
    }

    /** A projection row from columns 1 to 3. */
    public static io.athanor.bench.ProductSummary summary(ResultSet rs) throws SQLException {
        return new io.athanor.bench.ProductSummary(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3));
    }

    /** A statistics row from columns 1 to 4. */
    public static io.athanor.bench.UserStats stats(ResultSet rs) throws SQLException {
        return new io.athanor.bench.UserStats(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4));
    }
}

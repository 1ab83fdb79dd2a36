package io.athanor.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The window of a window function: {@code OVER (PARTITION BY ... ORDER BY ...)}, from
 * {@link Sql#partitionBy} or {@link Sql#window()}, used with {@link Expression#over(Window)}:
 *
 * <pre>{@code rowNumber().over(partitionBy(Order_.userId).orderBy(Order_.createdAt.desc()))}</pre>
 *
 * Immutable and thread-safe.
 */
public final class Window {
    private final List<Expression<?>> partitionBy;
    private final List<Order> orderBy;

    Window(List<Expression<?>> partitionBy, List<Order> orderBy) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
    }

    /** The window with these partitioning expressions. */
    public Window partitionBy(Expression<?>... expressions) {
        List<Expression<?>> p = new ArrayList<>(partitionBy);
        p.addAll(Arrays.asList(expressions));
        return new Window(List.copyOf(p), orderBy);
    }

    /** The window with these orderings. */
    public Window orderBy(Order... orders) {
        List<Order> o = new ArrayList<>(orderBy);
        o.addAll(Arrays.asList(orders));
        return new Window(partitionBy, List.copyOf(o));
    }

    void render(SqlBuilder b) {
        b.sql(" OVER (");
        if (!partitionBy.isEmpty()) {
            b.sql("PARTITION BY ");
            for (int i = 0; i < partitionBy.size(); i++) {
                if (i > 0) {
                    b.sql(", ");
                }
                b.visit(partitionBy.get(i));
            }
        }
        if (!orderBy.isEmpty()) {
            b.sql(partitionBy.isEmpty() ? "ORDER BY " : " ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) {
                    b.sql(", ");
                }
                orderBy.get(i).render(b);
            }
        }
        b.sql(")");
    }
}

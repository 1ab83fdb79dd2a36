package io.athanor.orm.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The clauses of a {@link Select} that decide whether its results from several databases (shards) can be
 * combined: ORDER BY items, LIMIT and OFFSET, and what cannot be combined by concatenation (aggregates,
 * GROUP BY, HAVING, DISTINCT, set operations). Read-only view, taken with {@link Select#clauses()}; immutable.
 */
public final class SelectClauses {
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");

    /**
     * One ORDER BY item.
     *
     * @param expression the expression ordered by, or {@code null} when it orders by a label
     * @param label      the selected column's label it orders by, or {@code null}
     * @param ascending  whether ascending
     * @param nullsFirst where NULLs go, or {@code null} for the database's default
     */
    public record Ordering(Expression<?> expression, String label, boolean ascending, Boolean nullsFirst) {
    }

    private final List<Ordering> orderBy;
    private final Integer limit;
    private final Integer offset;
    private final String unmergeable;

    SelectClauses(List<Expression<?>> columns, List<Expression<?>> groupBy, Expression<Boolean> having, List<Order> orderBy,
                  Integer limit, Integer offset, boolean distinct, boolean setOperations) {
        List<Ordering> o = new ArrayList<>(orderBy.size());
        for (Order item : orderBy) {
            Expression<?> e = item.expression();
            if (e instanceof Label<?> l) {
                o.add(new Ordering(null, l.label(), item.ascending(), item.nullsFirstOrNull()));
            } else if (e instanceof LabelRef r) {
                o.add(new Ordering(null, r.label(), item.ascending(), item.nullsFirstOrNull()));
            } else {
                o.add(new Ordering(e, null, item.ascending(), item.nullsFirstOrNull()));
            }
        }
        this.orderBy = List.copyOf(o);
        this.limit = limit;
        this.offset = offset;
        String why = null;
        if (!groupBy.isEmpty() || having != null) {
            why = "GROUP BY";
        } else if (distinct) {
            why = "DISTINCT";
        } else if (setOperations) {
            why = "a set operation (UNION, INTERSECT, EXCEPT)";
        } else {
            for (Expression<?> c : columns) {
                Expression<?> inner = c instanceof Label<?> l ? l.expression() : c;
                if (inner instanceof Function<?> f && AGGREGATES.contains(f.name())) {
                    why = "the aggregate " + f.name() + "(...)";
                    break;
                }
            }
        }
        this.unmergeable = why;
    }

    /** The ORDER BY items, in order. */
    public List<Ordering> orderBy() {
        return orderBy;
    }

    /** The LIMIT, or {@code null}. */
    public Integer limit() {
        return limit;
    }

    /** The OFFSET, or {@code null}. */
    public Integer offset() {
        return offset;
    }

    /**
     * What makes concatenated results of several databases wrong ("GROUP BY", "DISTINCT", "the aggregate
     * COUNT(...)", ...), or {@code null} when concatenating them (then ordering and limiting) is right.
     */
    public String unmergeable() {
        return unmergeable;
    }
}

package io.athanor.orm.query;

import java.util.List;

/**
 * GROUP BY and ORDER BY items that repeat a selected expression holding a value.
 *
 * <p>Every Java value is a bind parameter, so {@code concat(last_name, ?)} selected and grouped on
 * renders two parameters, and PostgreSQL cannot tell that {@code GROUP BY concat(last_name, $2)} is the
 * selected {@code concat(last_name, $1)}: it refuses the select list ("must appear in the GROUP BY
 * clause"). Such an item is therefore rendered as the selected column's position ({@code GROUP BY 1},
 * {@code ORDER BY 2}), which is what the database compares by. Position rather than inlining the value
 * as a literal because it keeps every value a bind parameter (no escaping to get right per dialect, any
 * value type: dates, UUIDs, converted fields) and keeps one compiled statement per shape. H2 matches
 * parameters by value and has no positional GROUP BY, so there the expression is repeated as written.
 * Items without a value, or that no selected column equals, render as themselves.
 */
final class SelectedRefs {
    private SelectedRefs() {
    }

    /** The 1-based position of the selected column {@code e} repeats, when it holds a value; 0 otherwise. */
    static int position(SqlBuilder b, List<Expression<?>> columns, Expression<?> e, boolean grouping) {
        if (columns.isEmpty() || e instanceof LabelRef || !(grouping ? b.dialect().groupsByPosition()
                : b.dialect().ordersByPosition())) {
            return 0;
        }
        ExpressionKey key = ExpressionKey.of(e, b.dialect());
        if (!key.hasBinds()) {
            return 0;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (key.equals(ExpressionKey.of(columns.get(i), b.dialect()))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Renders {@code GROUP BY} and its items. */
    static void renderGroupBy(SqlBuilder b, List<Expression<?>> columns, List<Expression<?>> groupBy) {
        b.sql(" GROUP BY ");
        for (int i = 0; i < groupBy.size(); i++) {
            if (i > 0) {
                b.sql(", ");
            }
            int p = position(b, columns, groupBy.get(i), true);
            if (p > 0) {
                b.sql(Integer.toString(p));
            } else {
                b.visit(groupBy.get(i));
            }
        }
    }

    /** Renders one ORDER BY item of a statement selecting {@code columns}. */
    static void renderOrder(SqlBuilder b, List<Expression<?>> columns, Order order) {
        int p = order.emulatesNulls(b) ? 0 : position(b, columns, order.expression(), false);
        if (p > 0) {
            order.renderAt(b, p);
        } else {
            order.render(b);
        }
    }
}

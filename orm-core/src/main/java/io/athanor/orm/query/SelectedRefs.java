package io.athanor.orm.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a SELECT that repeat an expression holding a value: its select list, GROUP BY, HAVING and ORDER BY.
 *
 * <p>Every Java value is a bind parameter, so {@code concat(last_name, ?)} selected and grouped on renders two
 * parameters, and PostgreSQL cannot tell that {@code GROUP BY concat(last_name, $2)} is the selected
 * {@code concat(last_name, $1)}: it refuses the select list ("must appear in the GROUP BY clause"). Two remedies,
 * in this order:
 *
 * <ol>
 *   <li>A GROUP BY or ORDER BY item equal to a selected column is rendered as that column's position
 *       ({@code GROUP BY 1}, {@code ORDER BY 2}), which is what the database compares by. This is the usual case
 *       and keeps every value a bind parameter (any type of value, no escaping to get right, one compiled
 *       statement per shape). H2 matches parameters by value and has no positional GROUP BY, so there the
 *       expression is repeated as written.</li>
 *   <li>Where a grouped expression holding a value appears elsewhere — inside a larger selected expression, in a
 *       window's PARTITION BY or ORDER BY, in HAVING, in an ORDER BY item that is not selected — no position can
 *       stand for it. On a database that compares grouped expressions as text (PostgreSQL), every part of the
 *       statement that holds it is then rendered with its values written as SQL literals, so that all copies are
 *       the same text. Only values {@link Literal} can spell safely are written (short strings without
 *       backslashes, numbers, booleans); an expression holding any other value stays bound (and PostgreSQL may
 *       refuse it: group in a derived table instead). Such a statement compiles once per distinct value.</li>
 * </ol>
 */
final class SelectedRefs {
    private final SqlBuilder b;
    private final List<Expression<?>> columns;
    private final List<ExpressionKey> literalKeys;

    private SelectedRefs(SqlBuilder b, List<Expression<?>> columns, List<ExpressionKey> literalKeys) {
        this.b = b;
        this.columns = columns;
        this.literalKeys = literalKeys;
    }

    /** The references of a statement with these parts, for rendering with {@code b}. */
    static SelectedRefs of(SqlBuilder b, List<Expression<?>> columns, List<Expression<?>> groupBy, Expression<?> having,
                           List<Order> orderBy) {
        if (groupBy.isEmpty() || b.dialect().groupsByParameterValue()) {
            return new SelectedRefs(b, columns, List.of());
        }
        List<ExpressionKey> columnKeys = new ArrayList<>(columns.size());
        for (Expression<?> c : columns) {
            columnKeys.add(ExpressionKey.of(c, b.dialect()));
        }
        ExpressionKey havingKey = having == null ? null : ExpressionKey.of(having, b.dialect());
        List<ExpressionKey> keys = new ArrayList<>();
        for (Expression<?> g : groupBy) {
            ExpressionKey k = ExpressionKey.of(g, b.dialect());
            if (!k.hasBinds() || !k.valuesAreLiterals()) {
                continue;
            }
            boolean elsewhere = havingKey != null && havingKey.contains(k);
            for (ExpressionKey c : columnKeys) {
                elsewhere |= !c.equals(k) && c.contains(k);
            }
            for (Order o : orderBy) {
                ExpressionKey ok = ExpressionKey.of(o.expression(), b.dialect());
                elsewhere |= ok.contains(k) && !(ok.equals(k) && columnKeys.contains(k) && !o.emulatesNulls(b));
            }
            if (elsewhere) {
                keys.add(k);
            }
        }
        return new SelectedRefs(b, columns, keys);
    }

    /** Renders {@code e} by {@code render}, its values as literals when it holds a grouped expression that needs them. */
    private void render(Expression<?> e, Runnable render) {
        boolean literal = false;
        if (!literalKeys.isEmpty()) {
            ExpressionKey k = ExpressionKey.of(e, b.dialect());
            for (ExpressionKey g : literalKeys) {
                literal |= k.contains(g);
            }
        }
        if (literal) {
            b.beginLiterals();
        }
        render.run();
        if (literal) {
            b.endLiterals();
        }
    }

    /** Renders the select list. */
    void renderColumns() {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                b.sql(", ");
            }
            Expression<?> c = columns.get(i);
            render(c, () -> Label.renderSelected(b, c));
        }
    }

    /** Renders {@code HAVING condition}. */
    void renderHaving(Expression<?> having) {
        b.sql(" HAVING ");
        render(having, () -> b.visit(having));
    }

    /** The 1-based position of the selected column {@code e} repeats, when it holds a value; 0 otherwise. */
    private int position(Expression<?> e, boolean grouping) {
        if (columns.isEmpty() || e instanceof Attribute || e instanceof LabelRef || !(grouping ? b.dialect().groupsByPosition()
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
    void renderGroupBy(List<Expression<?>> groupBy) {
        b.sql(" GROUP BY ");
        for (int i = 0; i < groupBy.size(); i++) {
            if (i > 0) {
                b.sql(", ");
            }
            Expression<?> g = groupBy.get(i);
            int p = position(g, true);
            if (p > 0) {
                b.sql(Integer.toString(p));
            } else {
                render(g, () -> b.visit(g));
            }
        }
    }

    /** Renders one ORDER BY item. */
    void renderOrder(Order order) {
        int p = order.emulatesNulls(b) ? 0 : position(order.expression(), false);
        if (p > 0) {
            order.renderAt(b, p);
        } else {
            render(order.expression(), () -> order.render(b));
        }
    }
}

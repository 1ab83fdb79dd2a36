package io.athanor.orm.query;

/**
 * An ORDER BY item: an expression, a direction, and where NULLs go. Immutable.
 */
public final class Order {
    private final Expression<?> expression;
    private final boolean ascending;
    private final Boolean nullsFirst;

    Order(Expression<?> expression, boolean ascending, Boolean nullsFirst) {
        this.expression = expression;
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    /** The same order with NULLs first (emulated where the dialect has no {@code NULLS FIRST}). */
    public Order nullsFirst() {
        return new Order(expression, ascending, true);
    }

    /** The same order with NULLs last. */
    public Order nullsLast() {
        return new Order(expression, ascending, false);
    }

    Expression<?> expression() {
        return expression;
    }

    boolean ascending() {
        return ascending;
    }

    Boolean nullsFirstOrNull() {
        return nullsFirst;
    }

    /** Whether this orders by a selected column's label rather than by an expression over tables. */
    boolean byLabel() {
        return expression instanceof Label || expression instanceof LabelRef;
    }

    /** Whether NULL placement is asked for and emulated with a CASE on this dialect. */
    boolean emulatesNulls(SqlBuilder b) {
        return nullsFirst != null && !b.dialect().supportsNullsOrdering();
    }

    /** Renders this order by the selected column at {@code position} (1-based). */
    void renderAt(SqlBuilder b, int position) {
        b.sql(Integer.toString(position)).sql(ascending ? " ASC" : " DESC");
        if (nullsFirst != null) {
            b.sql(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    void render(SqlBuilder b) {
        Expression<?> e = expression instanceof Label ? new LabelRef(((Label<?>) expression).label()) : expression;
        if (nullsFirst != null && !b.dialect().supportsNullsOrdering()) {
            b.sql("CASE WHEN ").visit(e).sql(" IS NULL THEN ").sql(nullsFirst ? "0" : "1").sql(" ELSE ")
                    .sql(nullsFirst ? "1" : "0").sql(" END, ");
        }
        b.visit(e).sql(ascending ? " ASC" : " DESC");
        if (nullsFirst != null && b.dialect().supportsNullsOrdering()) {
            b.sql(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    @Override
    public String toString() {
        return expression + (ascending ? " ASC" : " DESC") + (nullsFirst == null ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }

}

package io.athanor.orm.query;

/** {@code expr AS label}: names a selected column. */
final class Label<T> extends Expression<T> {
    private final Expression<T> expression;
    private final String label;

    Label(Expression<T> expression, String label) {
        this.expression = expression;
        this.label = label;
    }

    String label() {
        return label;
    }

    Expression<T> expression() {
        return expression;
    }

    @Override
    public Attribute<?, ?> attribute() {
        return expression.attribute();
    }

    @Override
    public Attribute<?, ?> valuesOf() {
        return expression.valuesOf();
    }

    @Override
    public Class<?> javaType() {
        return expression.javaType();
    }

    /** Renders the expression alone: {@code AS label} belongs to the select list, which adds it. */
    @Override
    public void render(SqlBuilder b) {
        b.visit(expression);
    }

    /** Renders a selected column: {@code expr AS label} for a labelled one. */
    static void renderSelected(SqlBuilder b, Expression<?> column) {
        b.visit(column);
        if (column instanceof Label && !(((Label<?>) column).expression() instanceof EntityColumn)) {
            b.sql(" AS ").identifier(((Label<?>) column).label);
        }
    }
}

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
    public Class<?> javaType() {
        return expression.javaType();
    }

    @Override
    public void render(SqlBuilder b) {
        b.visit(expression).sql(" AS ").identifier(label);
    }
}

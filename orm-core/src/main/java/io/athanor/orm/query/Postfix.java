package io.athanor.orm.query;

/** {@code operand <suffix>}, e.g. {@code IS NULL}. */
final class Postfix<T> extends Expression<T> {
    private final Expression<?> operand;
    private final String suffix;

    Postfix(Expression<?> operand, String suffix) {
        this.operand = operand;
        this.suffix = suffix;
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        b.visit(operand).sql(suffix);
    }
}

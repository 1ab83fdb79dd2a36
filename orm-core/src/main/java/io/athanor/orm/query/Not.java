package io.athanor.orm.query;

/** {@code NOT (condition)}. */
final class Not extends Expression<Boolean> {
    private final Expression<?> condition;

    Not(Expression<?> condition) {
        this.condition = condition;
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        b.sql("NOT (").visit(condition).sql(")");
    }
}

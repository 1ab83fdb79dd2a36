package io.athanor.orm.query;

/** Case-insensitive LIKE, emulated with LOWER() where the dialect has no ILIKE. */
final class ILike extends Expression<Boolean> {
    private final Expression<?> operand;
    private final Expression<?> pattern;

    ILike(Expression<?> operand, Expression<?> pattern) {
        this.operand = operand;
        this.pattern = pattern;
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        if (b.dialect().supportsIlike()) {
            b.visit(operand).sql(" ILIKE ").visit(pattern);
        } else {
            b.sql("LOWER(").visit(operand).sql(") LIKE LOWER(").visit(pattern).sql(")");
        }
    }
}

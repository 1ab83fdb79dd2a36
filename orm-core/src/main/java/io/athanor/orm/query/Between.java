package io.athanor.orm.query;

/** {@code x BETWEEN low AND high}. */
final class Between extends Expression<Boolean> {
    private final Expression<?> operand;
    private final Expression<?> low;
    private final Expression<?> high;

    Between(Expression<?> operand, Expression<?> low, Expression<?> high) {
        this.operand = operand;
        this.low = low;
        this.high = high;
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        b.visit(operand).sql(" BETWEEN ").visit(low).sql(" AND ").visit(high);
    }
}

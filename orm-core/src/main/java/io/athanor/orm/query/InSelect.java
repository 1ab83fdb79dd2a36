package io.athanor.orm.query;

/** {@code x [NOT] IN (SELECT ...)}. */
final class InSelect extends Expression<Boolean> {
    private final Expression<?> operand;
    private final Select<?> subquery;
    private final boolean negated;

    InSelect(Expression<?> operand, Select<?> subquery, boolean negated) {
        this.operand = operand;
        this.subquery = subquery;
        this.negated = negated;
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        b.visit(operand).sql(negated ? " NOT IN (" : " IN (").subquery(subquery).sql(")");
    }
}

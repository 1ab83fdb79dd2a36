package io.athanor.orm.query;

/** {@code [NOT] EXISTS (SELECT ...)}. */
final class Exists extends Expression<Boolean> {
    private final Select<?> subquery;
    private final boolean negated;

    Exists(Select<?> subquery, boolean negated) {
        this.subquery = subquery;
        this.negated = negated;
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        b.sql(negated ? "NOT EXISTS (" : "EXISTS (").subquery(subquery).sql(")");
    }
}

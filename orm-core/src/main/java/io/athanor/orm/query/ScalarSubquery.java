package io.athanor.orm.query;

/** {@code (SELECT ...)} used as a value. */
final class ScalarSubquery<T> extends Expression<T> {
    private final Select<?> subquery;

    ScalarSubquery(Select<?> subquery) {
        this.subquery = subquery;
    }

    @Override
    public void render(SqlBuilder b) {
        b.sql("(").subquery(subquery).sql(")");
    }
}

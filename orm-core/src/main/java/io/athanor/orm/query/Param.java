package io.athanor.orm.query;

/** A value, always sent as a bind parameter, typed by the expression it is compared with. */
final class Param<T> extends Expression<T> {
    private final Object value;
    private final Expression<?> typeHint;
    private final Class<?> type;

    private Param(Object value, Expression<?> typeHint, Class<?> type) {
        this.value = value;
        this.typeHint = typeHint;
        this.type = type;
    }

    static <T> Param<T> of(Object value, Expression<?> typeHint) {
        Expression<?> hint = typeHint instanceof ColumnRef ? ((ColumnRef<?>) typeHint).attribute()
                : typeHint instanceof Label ? ((Label<?>) typeHint).expression() : typeHint;
        return new Param<>(value, hint, typeHint.javaType());
    }

    static <T> Param<T> of(Object value, Class<?> type) {
        return new Param<>(value, null, type);
    }

    Object value() {
        return value;
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public void render(SqlBuilder b) {
        b.bind(value, typeHint);
    }
}

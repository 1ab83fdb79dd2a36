package io.athanor.orm.query;

/** A value, always sent as a bind parameter, typed by the expression it is compared with. */
final class Param<T> extends Expression<T> {
    private final Object value;
    private final Expression<?> typeHint;
    private final Class<?> type;
    /** How messages about the value name it, for a value bound by its class; {@code null} for none. */
    private final String label;

    private Param(Object value, Expression<?> typeHint, Class<?> type, String label) {
        this.value = value;
        this.typeHint = typeHint;
        this.type = type;
        this.label = label;
    }

    static <T> Param<T> of(Object value, Expression<?> typeHint) {
        Expression<?> hint = typeHint instanceof ColumnRef ? ((ColumnRef<?>) typeHint).attribute()
                : typeHint instanceof Label ? ((Label<?>) typeHint).expression() : typeHint;
        return new Param<>(value, hint, typeHint.javaType(), null);
    }

    static <T> Param<T> of(Object value, Class<?> type) {
        return new Param<>(value, null, type, null);
    }

    /** A pattern matched against {@code subject}, bound by its class and named after the field it is matched with. */
    static Param<String> pattern(String pattern, Expression<?> subject) {
        Expression<?> s = subject instanceof ColumnRef ? ((ColumnRef<?>) subject).attribute() : subject;
        return new Param<>(pattern, null, String.class, s instanceof Attribute ? s + " (its LIKE pattern)" : null);
    }

    Object value() {
        return value;
    }

    /** The expression whose column this value binds as: a mapped attribute, the compared expression, or null. */
    Expression<?> typeHint() {
        return typeHint != null ? typeHint : this;
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public void render(SqlBuilder b) {
        String literal = b.writesLiterals() && label == null ? Literal.of(value, typeHint, b.dialect()) : null;
        if (literal != null) {
            b.sql(literal);
        } else if (label != null) {
            b.bindNamed(value, label);
        } else {
            b.bind(value, typeHint);
        }
    }
}

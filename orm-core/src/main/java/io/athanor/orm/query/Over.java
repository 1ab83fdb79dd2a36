package io.athanor.orm.query;

/** {@code function OVER (window)}. */
final class Over<T> extends Expression<T> {
    private final Expression<T> function;
    private final Window window;

    Over(Expression<T> function, Window window) {
        this.function = function;
        this.window = window;
    }

    @Override
    public Class<?> javaType() {
        return function.javaType();
    }

    @Override
    public void render(SqlBuilder b) {
        b.visit(function);
        window.render(b);
    }
}

package io.athanor.orm.query;

/** One JOIN of a {@link Select}: kind, target, and an explicit ON condition or {@code null} to infer it. */
final class Join {
    final boolean outer;
    final Object target;
    final Expression<Boolean> on;

    Join(boolean outer, Object target, Expression<Boolean> on) {
        this.outer = outer;
        this.target = target;
        this.on = on;
    }
}

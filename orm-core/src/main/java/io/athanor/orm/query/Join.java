package io.athanor.orm.query;

/**
 * One JOIN of a {@link Select}: kind, target, and an explicit ON condition or {@code null} to infer it (a
 * LATERAL subquery joins ON TRUE: its own WHERE relates it to the rows before it). A CROSS JOIN has no ON.
 */
final class Join {
    final boolean outer;
    final Object target;
    final Expression<Boolean> on;
    final boolean cross;

    Join(boolean outer, Object target, Expression<Boolean> on) {
        this(outer, target, on, false);
    }

    Join(boolean outer, Object target, Expression<Boolean> on, boolean cross) {
        this.outer = outer;
        this.target = target;
        this.on = on;
        this.cross = cross;
    }

    /** Renders {@code FROM first} (nothing when there is no first item) and then each join. */
    static void renderFrom(SqlBuilder b, Object first, java.util.List<Join> joins) {
        if (first != null) {
            b.sql(" FROM ").source(first);
        }
        for (Join j : joins) {
            j.render(b);
        }
    }

    void render(SqlBuilder b) {
        if (cross) {
            b.sql(" CROSS JOIN ").source(target);
            return;
        }
        b.sql(outer ? " LEFT OUTER JOIN " : " JOIN ").source(target).sql(" ON ");
        if (on != null) {
            b.visit(on);
        } else if (target instanceof DerivedTable && ((DerivedTable) target).lateral()) {
            b.sql("TRUE");
        } else {
            b.joinCondition(target);
        }
    }
}

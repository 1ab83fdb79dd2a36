package io.athanor.orm.query;

import java.util.ArrayList;
import java.util.List;

/** {@code (a AND b AND c)} or {@code (a OR b)}; nested ones of the same kind are flattened. */
final class Logical extends Expression<Boolean> {
    private final String op;
    private final List<Expression<Boolean>> parts;

    private Logical(String op, List<Expression<Boolean>> parts) {
        this.op = op;
        this.parts = parts;
    }

    static Expression<Boolean> of(String op, List<Expression<Boolean>> conditions) {
        List<Expression<Boolean>> flat = new ArrayList<>();
        for (Expression<Boolean> c : conditions) {
            if (c instanceof Logical && ((Logical) c).op.equals(op)) {
                flat.addAll(((Logical) c).parts);
            } else if (c != null) {
                flat.add(c);
            }
        }
        if (flat.isEmpty()) {
            return null;
        }
        return flat.size() == 1 ? flat.get(0) : new Logical(op, List.copyOf(flat));
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        b.sql("(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                b.sql(op);
            }
            b.visit(parts.get(i));
        }
        b.sql(")");
    }
}

package io.athanor.orm.query;

/** {@code left <op> right}, parenthesised so that nesting keeps its meaning. */
final class Operator<T> extends Expression<T> {
    private final Expression<?> left;
    private final String op;
    private final Expression<?> right;
    private final boolean arithmetic;

    Operator(Expression<?> left, String op, Expression<?> right) {
        this.left = left;
        this.op = op;
        this.right = right;
        this.arithmetic = op.length() == 3 && "+-*/".indexOf(op.charAt(1)) >= 0;
    }

    @Override
    public Class<?> javaType() {
        return arithmetic ? left.javaType() : Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        if (arithmetic) {
            b.sql("(");
        }
        b.visit(left).sql(op).visit(right);
        if (arithmetic) {
            b.sql(")");
        }
    }
}

package io.athanor.orm.query;

/** {@code CAST(x AS type)}. */
final class Cast<T> extends Expression<T> {
    private final Expression<?> operand;
    private final String sqlType;
    private final Class<T> type;

    Cast(Expression<?> operand, String sqlType, Class<T> type) {
        this.operand = operand;
        this.sqlType = sqlType;
        this.type = type;
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public void render(SqlBuilder b) {
        b.sql("CAST(").visit(operand).sql(" AS ").sql(sqlType).sql(")");
    }
}

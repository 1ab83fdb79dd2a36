package io.athanor.orm.query;

import java.util.List;

/** {@code NAME(arg, ...)}; with {@code distinct}, {@code NAME(DISTINCT arg)}. */
final class Function<T> extends Expression<T> {
    private final String name;
    private final Class<?> type;
    private final List<Expression<?>> args;
    private final boolean distinct;

    Function(String name, Class<?> type, Expression<?>... args) {
        this(name, type, false, args);
    }

    Function(String name, Class<?> type, boolean distinct, Expression<?>... args) {
        this.name = name;
        this.type = type;
        this.args = List.of(args);
        this.distinct = distinct;
    }

    String name() {
        return name;
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public Attribute<?, ?> valuesOf() {
        return args.size() == 1 && !distinct && (name.equals("MIN") || name.equals("MAX")) ? args.get(0).valuesOf() : null;
    }

    @Override
    public void render(SqlBuilder b) {
        b.sql(name).sql(distinct ? "(DISTINCT " : "(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                b.sql(", ");
            }
            b.visit(args.get(i));
        }
        b.sql(")");
    }
}

package io.athanor.orm.internal.load;

import io.athanor.orm.query.Expression;
import io.athanor.orm.query.SqlBuilder;
import java.util.List;

/**
 * {@code column = ANY(?)} with the keys bound as one PostgreSQL array: one statement shape and one
 * parameter however many keys a loader batch holds, where {@code IN (?, ?, ...)} varies with the count.
 */
final class AnyOfKeys extends Expression<Boolean> {
    private final Expression<?> column;
    private final Object[] keys;

    private AnyOfKeys(Expression<?> column, Object[] keys) {
        this.column = column;
        this.keys = keys;
    }

    /**
     * {@code column = ANY(keys)} on PostgreSQL when the keys are all of one simple type (Long, Integer,
     * String), else {@code null} for the caller's IN list.
     */
    static Expression<Boolean> of(RowLoader loader, Expression<?> column, List<Object> keys) {
        if (!(loader.context().metadata().dialect() instanceof io.athanor.orm.dialect.PostgresDialect) || keys.isEmpty()) {
            return null;
        }
        Class<?> type = keys.get(0).getClass();
        if (type != Long.class && type != Integer.class && type != String.class) {
            return null;
        }
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(type, keys.size());
        for (int i = 0; i < array.length; i++) {
            Object k = keys.get(i);
            if (k.getClass() != type) {
                return null;
            }
            array[i] = k;
        }
        return new AnyOfKeys(column, array);
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        b.visit(column).sql(" = ANY(").bind(keys, null).sql(")");
    }
}

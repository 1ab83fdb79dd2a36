package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code x [NOT] IN (?, ?, ...)}; past {@link #ARRAY_AFTER} values, where the dialect binds arrays and the
 * values' type has an array form, {@code x = ANY(?)} ({@code x <> ALL(?)}) with the values as one array
 * parameter, so that the list's length is unlimited and every long list shares one statement shape.
 */
final class InList extends Expression<Boolean> {
    /** Lists longer than this bind as one array where they can. */
    static final int ARRAY_AFTER = 100;

    private final Expression<?> operand;
    private final List<Param<?>> values;
    private final boolean negated;

    InList(Expression<?> operand, Collection<?> values, boolean negated) {
        if (values == null || values.isEmpty()) {
            throw new AthanorException("in() was given no values for " + operand + ", and IN () is not valid SQL. Check for "
                    + "empty input before building the query.");
        }
        this.operand = operand;
        this.values = new ArrayList<>(values.size());
        for (Object v : values) {
            this.values.add(Param.of(v, operand));
        }
        this.negated = negated;
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        Expression<?> hint = values.get(0).typeHint();
        if (values.size() > ARRAY_AFTER && b.bindsAsArray(hint)) {
            Object[] array = new Object[values.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = values.get(i).value();
            }
            b.visit(operand).sql(negated ? " <> ALL(" : " = ANY(").bindArray(array, hint).sql(")");
            return;
        }
        b.visit(operand).sql(negated ? " NOT IN (" : " IN (");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.sql(", ");
            }
            b.visit(values.get(i));
        }
        b.sql(")");
    }
}

package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@code x [NOT] IN (?, ?, ...)}. */
final class InList extends Expression<Boolean> {
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

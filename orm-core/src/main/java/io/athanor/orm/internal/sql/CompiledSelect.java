package io.athanor.orm.internal.sql;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.internal.types.ColumnType;
import java.util.List;

/**
 * A compiled statement shape: its SQL, how to bind each parameter, and how to read each column.
 *
 * @param sql         the SQL with {@code ?} placeholders
 * @param binders     per parameter: the column type to bind it as, or {@code null} to bind by the value's class
 * @param entity      for an entity select: the entity read from the columns; otherwise {@code null}
 * @param labels      for a column select: the label of each column
 * @param readers     per column: the column type to read it as, or {@code null} for the driver's value
 * @param targets     per parameter: the mapped field it meets, whose type its value must have, or {@code null}
 * @param plan        for an entity select: how it loads relationships; otherwise {@code null}
 * @param joined      the relationships loaded from the same rows (JOINED), in column order after the entity's own
 */
public record CompiledSelect(String sql, ColumnType[] binders, EntityModel entity, List<String> labels, ColumnType[] readers,
                             Attribute<?, ?>[] targets, io.athanor.orm.internal.load.LoadPlan plan,
                             List<io.athanor.orm.internal.load.LoadPlan> joined) {

    /**
     * Checks that each value has the Java type of the field it meets, before any SQL is sent.
     *
     * @throws AthanorException naming the field, the value and the expected type
     */
    public void checkTypes(List<Object> values) {
        for (int i = 0; i < targets.length; i++) {
            Object v = values.get(i);
            if (targets[i] != null && v != null && !targets[i].javaType().isInstance(v)
                    && !(v instanceof java.util.Collection)) {
                throw new AthanorException("The value " + v + " (" + v.getClass().getName() + ") is given for " + targets[i]
                        + ", which holds " + targets[i].javaType().getName() + ". Pass a " + targets[i].javaType().getSimpleName()
                        + ".");
            }
        }
    }
}

package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.types.StoredValues;
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
 * @param names       per parameter bound by its class: how messages name it ({@code Parameter :name}), or {@code null}
 * @param plan        for an entity select: how it loads relationships; otherwise {@code null}
 * @param joined      the relationships loaded from the same rows (JOINED), in column order after the entity's own
 * @param rowEntities for a column select with whole entities among its columns: where each column's SQL columns
 *                    start and which entity it reads; otherwise {@code null}
 * @param expected    how many instances its executions read: what a session sizes its tables for
 */
public record CompiledSelect(String sql, ColumnType[] binders, EntityModel entity, List<String> labels, ColumnType[] readers,
                             Attribute<?, ?>[] targets, String[] names, io.athanor.orm.internal.load.LoadPlan plan,
                             List<io.athanor.orm.internal.load.LoadPlan> joined, RowEntities rowEntities,
                             ExpectedRows expected) {

    /** A compiled statement whose rows hold no whole entities among other columns. */
    public CompiledSelect(String sql, ColumnType[] binders, EntityModel entity, List<String> labels, ColumnType[] readers,
                          Attribute<?, ?>[] targets, String[] names, io.athanor.orm.internal.load.LoadPlan plan,
                          List<io.athanor.orm.internal.load.LoadPlan> joined) {
        this(sql, binders, entity, labels, readers, targets, names, plan, joined, null, new ExpectedRows());
    }

    /** A compiled statement, its executions not counted yet. */
    public CompiledSelect(String sql, ColumnType[] binders, EntityModel entity, List<String> labels, ColumnType[] readers,
                          Attribute<?, ?>[] targets, String[] names, io.athanor.orm.internal.load.LoadPlan plan,
                          List<io.athanor.orm.internal.load.LoadPlan> joined, RowEntities rowEntities) {
        this(sql, binders, entity, labels, readers, targets, names, plan, joined, rowEntities, new ExpectedRows());
    }

    /**
     * Where the columns of a row with entities start.
     *
     * @param models  per returned column: the entity it reads, or {@code null} for a value
     * @param offsets per returned column: the 0-based index of its first SQL column
     */
    public record RowEntities(EntityModel[] models, int[] offsets) {
    }

    /**
     * Checks, before any SQL is sent, that each value has the Java type of the field it meets and that the
     * database would store it as given (see {@link StoredValues}).
     *
     * @throws AthanorException naming the field or parameter, and the expected type or the reason
     */
    public void checkValues(List<Object> values, Dialect dialect) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Object[] && !(targets[i] != null && targets[i].javaType().isInstance(v))) {
                for (Object element : (Object[]) v) {
                    check(i, element, dialect);
                }
            } else {
                check(i, v, dialect);
            }
        }
    }

    private void check(int i, Object v, Dialect dialect) {
        if (v == null) {
            return;
        }
        if (targets[i] != null && !targets[i].javaType().isInstance(v) && !(v instanceof java.util.Collection)) {
            String hint = v instanceof java.time.ZonedDateTime && targets[i].javaType() == java.time.OffsetDateTime.class
                    ? " (zoned.toOffsetDateTime())" : "";
            throw new AthanorException("The value " + v + " (" + v.getClass().getName() + ") is given for " + targets[i]
                    + ", which holds " + targets[i].javaType().getName() + ". Pass a " + targets[i].javaType().getSimpleName()
                    + hint + ".");
        }
        if (binders[i] != null && binders[i].converted()) {
            return;
        }
        String why = StoredValues.refusal(dialect, v);
        if (why != null) { // the name is built only for the message: an array of keys checks each element
            String what = targets[i] != null ? targets[i].toString()
                    : names[i] != null ? names[i] : "Parameter " + (i + 1) + " of the statement";
            throw new io.athanor.orm.error.InvalidValueException(what + " " + why);
        }
    }
}

package io.athanor.orm.internal.load;

import io.athanor.orm.internal.meta.ColumnModel;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.types.ColumnReads;
import io.athanor.orm.internal.types.ColumnType;
import java.util.List;

/**
 * What reading one entity's row needs to know of its columns, worked out once per entity model rather than once
 * per query: each row column's type and read code, the key columns, the columns whose values change in place,
 * and which properties take a NULL. Immutable; kept by the model itself ({@link EntityModel#rowLayout}).
 */
final class RowLayout {

    /** The row columns' types, and how {@link ColumnReads} reads each. */
    final ColumnType[] types;
    final int[] codes;
    /** The columns whose values change in place (arrays, JSON, converted values of mutable types), copied into snapshots. */
    final int[] mutableColumns;
    /** The key columns among the row columns, in key order, and their types. */
    final int[] idColumns;
    final ColumnType[] idTypes;
    /** Where the single key column is among the row columns; -1 for a composite key. */
    final int idAt;
    /** Per property: whether its column takes NULL (a NULL read for one that does not leaves the field as it is). */
    final boolean[] nullable;
    /**
     * The properties (not keys) whose field may hold another value than the row's once the row is assigned: parts of
     * an embedded value (its constructor may normalise them or set others), columns that take no NULL (a NULL read
     * leaves the field's own value) and primitive fields (a value of a narrower type is widened). A snapshot takes
     * what such a field holds, so that a flush does not write back, and a read-only session does not refuse, a value
     * nobody changed.
     */
    final int[] checkedAfterAssign;
    /** Per property: whether it is set as given ({@link io.athanor.orm.internal.meta.PropertyAssigner#setsAsGiven}). */
    final boolean[] asGiven;
    /** Per property: the box of its primitive field's type, else {@code null}. */
    final Class<?>[] primitiveBox;

    private RowLayout(EntityModel model) {
        List<ColumnModel> columns = model.rowColumns();
        types = new ColumnType[columns.size()];
        int mutable = 0;
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
            mutable += types[i].mutable() ? 1 : 0;
        }
        codes = ColumnReads.codesOf(types);
        mutableColumns = new int[mutable];
        for (int i = 0, k = 0; i < types.length; i++) {
            if (types[i].mutable()) {
                mutableColumns[k++] = i;
            }
        }
        List<PropertyModel> properties = model.properties();
        idColumns = new int[model.idProperties().size()];
        idTypes = new ColumnType[idColumns.length];
        nullable = new boolean[properties.size()];
        asGiven = new boolean[properties.size()];
        primitiveBox = new Class<?>[properties.size()];
        int[] checked = new int[properties.size()];
        int n = 0;
        java.util.Set<String> joinColumns = new java.util.HashSet<>();
        for (io.athanor.orm.internal.meta.RelationshipModel r : model.relationships()) {
            if (r.owning() && !r.toMany()) {
                joinColumns.addAll(r.joinColumns());
            }
        }
        for (int i = 0, k = 0; i < properties.size(); i++) {
            PropertyModel p = properties.get(i);
            nullable[i] = p.column().nullable();
            asGiven[i] = model.assigner().setsAsGiven(i);
            java.lang.reflect.Field field = asGiven[i] ? p.accessor().field() : null;
            if (field != null && field.getType().isPrimitive()) {
                primitiveBox[i] = io.athanor.orm.internal.types.ColumnTypes.box(field.getType());
            }
            // a column a to-one also reads its key from keeps the row's value: a NULL there is no parent, whatever
            // the field beside it kept
            if (!p.id() && !joinColumns.contains(p.column().name())
                    && (!asGiven[i] || !nullable[i] || primitiveBox[i] != null)) {
                checked[n++] = i;
            }
            if (properties.get(i).id()) {
                idTypes[k] = properties.get(i).column().type();
                idColumns[k++] = model.propertyColumns()[i];
            }
        }
        idAt = idColumns.length == 1 ? idColumns[0] : -1;
        checkedAfterAssign = java.util.Arrays.copyOf(checked, n);
    }

    /**
     * After {@code row} was assigned to {@code instance}: puts into the row, for each property of
     * {@link #checkedAfterAssign} that {@code assigned} accepts, the value its field holds where that may differ from
     * the row's (an embedded part, a NULL the field did not take, a widened value).
     */
    void keepWhatFieldsHold(List<PropertyModel> properties, int[] at, Object instance, Object[] row,
            java.util.function.IntPredicate assigned) {
        for (int i : checkedAfterAssign) {
            Object v = row[at[i]];
            boolean differs = !asGiven[i] || v == null || primitiveBox[i] != null && v.getClass() != primitiveBox[i];
            if (differs && assigned.test(i)) {
                row[at[i]] = properties.get(i).accessor().get(instance);
            }
        }
    }

    /** The layout of {@code model}'s rows. */
    static RowLayout of(EntityModel model) {
        return (RowLayout) model.rowLayout(RowLayout::new);
    }
}

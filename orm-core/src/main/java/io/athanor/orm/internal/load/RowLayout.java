package io.athanor.orm.internal.load;

import io.athanor.orm.internal.meta.ColumnModel;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.types.ColumnReads;
import io.athanor.orm.internal.types.ColumnType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What reading one entity's row needs to know of its columns, worked out once per entity model rather than once
 * per query: each row column's type and read code, the key columns, the columns whose values change in place,
 * and which properties take a NULL. Immutable; the cache is thread-safe and lets models that are gone be collected.
 */
final class RowLayout {
    private static final Map<EntityModel, RowLayout> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** The row columns' types, and how {@link ColumnReads} reads each. */
    final ColumnType[] types;
    final int[] codes;
    /** The columns whose values change in place (arrays, JSON), copied into snapshots. */
    final int[] mutableColumns;
    /** The key columns among the row columns, in key order, and their types. */
    final int[] idColumns;
    final ColumnType[] idTypes;
    /** Where the single key column is among the row columns; -1 for a composite key. */
    final int idAt;
    /** Per property: whether its column takes NULL (a NULL read for one that does not leaves the field as it is). */
    final boolean[] nullable;

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
        for (int i = 0, k = 0; i < properties.size(); i++) {
            nullable[i] = properties.get(i).column().nullable();
            if (properties.get(i).id()) {
                idTypes[k] = properties.get(i).column().type();
                idColumns[k++] = model.propertyColumns()[i];
            }
        }
        idAt = idColumns.length == 1 ? idColumns[0] : -1;
    }

    /** The layout of {@code model}'s rows. */
    static RowLayout of(EntityModel model) {
        RowLayout layout = CACHE.get(model);
        if (layout == null) {
            layout = new RowLayout(model);
            CACHE.put(model, layout);
        }
        return layout;
    }
}

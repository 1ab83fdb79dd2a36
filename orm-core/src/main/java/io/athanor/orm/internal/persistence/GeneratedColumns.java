package io.athanor.orm.internal.persistence;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.engine.PreparedWork;
import java.util.List;
import java.util.Map;

/**
 * The columns an UPDATE returns where the driver can return them ({@code RETURNING}): the key, to match each
 * returned row to its instance, then the {@code @Generated(ALWAYS)} columns the database set.
 */
final class GeneratedColumns {
    private GeneratedColumns() {
    }

    /** The names to ask the driver for: the key columns, then the generated ones. */
    static String[] returned(WritePlan plan, Dialect dialect) {
        String[] names = new String[plan.idColumns.length + plan.generatedAlways.length];
        int n = 0;
        for (int i : plan.idColumns) {
            names[n++] = dialect.keyColumnName(plan.columns.get(i).model.name());
        }
        for (int i : plan.generatedAlways) {
            names[n++] = dialect.keyColumnName(plan.columns.get(i).model.name());
        }
        return names;
    }

    /** Reads the returned rows, in any order, into {@code sink} by key. */
    static PreparedWork.Reader<Void> reader(WritePlan plan, List<Object[]> rows, ReadBack.Sink sink) {
        Map<List<Object>, Integer> rowByKey = ReadBack.byKey(plan, rows);
        int keys = plan.idColumns.length;
        return rs -> {
            while (rs.next()) {
                Object[] key = new Object[keys];
                for (int k = 0; k < keys; k++) {
                    key[k] = plan.columns.get(plan.idColumns[k]).model.type().read(rs, k + 1);
                }
                Integer r = rowByKey.get(ReadBack.keyValues(key));
                if (r == null) {
                    continue;
                }
                for (int g = 0; g < plan.generatedAlways.length; g++) {
                    int column = plan.generatedAlways[g];
                    sink.value(r, column, plan.columns.get(column).model.type().read(rs, keys + g + 1));
                }
            }
            return null;
        };
    }
}

package io.athanor.orm.internal.persistence;

import io.athanor.orm.engine.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back values the database set in rows a flush just wrote (server defaults, {@code @Generated} columns):
 * matched by key, either from what an INSERT or UPDATE returned itself, or with one SELECT by key per 500
 * rows where the driver returns nothing but an auto-increment key.
 */
final class ReadBack {
    private static final int CHUNK = 500;

    /** Receives one value read back: for row {@code row} of the written rows, column {@code column} of the plan. */
    interface Sink {
        void value(int row, int column, Object value);
    }

    private ReadBack() {
    }

    /** Maps each row's key (its values at the plan's key columns) to the row's index. */
    static Map<List<Object>, Integer> byKey(WritePlan plan, List<Object[]> rows) {
        Map<List<Object>, Integer> rowByKey = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            rowByKey.put(keyValues(plan, rows.get(r)), r);
        }
        return rowByKey;
    }

    /**
     * Selects {@code columns} of {@code rows} by key and hands each value to {@code sink}.
     *
     * @return for each row, whether it came back
     */
    static boolean[] select(Connection connection, WritePlan plan, List<Integer> columns, List<Object[]> rows, Sink sink) {
        int[] keys = plan.idColumns;
        StringBuilder select = new StringBuilder("SELECT ");
        for (int k = 0; k < keys.length; k++) {
            select.append(k > 0 ? ", " : "").append(plan.columns.get(keys[k]).quoted);
        }
        for (int i : columns) {
            select.append(", ").append(plan.columns.get(i).quoted);
        }
        select.append(" FROM ").append(plan.readFrom).append(" WHERE ");
        Map<List<Object>, Integer> rowByKey = byKey(plan, rows);
        boolean[] found = new boolean[rows.size()];
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder(select);
            List<Object> parameters = new ArrayList<>();
            for (int r = 0; r < chunk.size(); r++) {
                sql.append(r > 0 ? " OR " : "").append('(');
                for (int k = 0; k < keys.length; k++) {
                    sql.append(k > 0 ? " AND " : "").append(plan.columns.get(keys[k]).quoted).append(" = ?");
                    parameters.add(chunk.get(r)[keys[k]]);
                }
                sql.append(')');
            }
            connection.query(sql.toString(), parameters, ps -> {
                for (int p = 0; p < parameters.size(); p++) {
                    plan.columns.get(keys[p % keys.length]).model.type().bind(ps, p + 1, parameters.get(p));
                }
            }, rs -> {
                while (rs.next()) {
                    Object[] read = new Object[keys.length];
                    for (int k = 0; k < keys.length; k++) {
                        read[k] = plan.columns.get(keys[k]).model.type().read(rs, k + 1);
                    }
                    Integer r = rowByKey.get(keyValues(read));
                    if (r == null) {
                        continue;
                    }
                    found[r] = true;
                    for (int d = 0; d < columns.size(); d++) {
                        int column = columns.get(d);
                        sink.value(r, column, plan.columns.get(column).model.type().read(rs, keys.length + d + 1));
                    }
                }
                return null;
            });
        }
        return found;
    }

    static List<Object> keyValues(WritePlan plan, Object[] row) {
        Object[] key = new Object[plan.idColumns.length];
        for (int k = 0; k < key.length; k++) {
            key[k] = row[plan.idColumns[k]];
        }
        return keyValues(key);
    }

    /** A key as a map key: decimals without trailing zeros, byte arrays by content. */
    static List<Object> keyValues(Object[] parts) {
        List<Object> key = new ArrayList<>(parts.length);
        for (Object v : parts) {
            if (v instanceof java.math.BigDecimal) {
                v = ((java.math.BigDecimal) v).stripTrailingZeros();
            } else if (v instanceof byte[]) {
                v = java.nio.ByteBuffer.wrap((byte[]) v);
            }
            key.add(v);
        }
        return key;
    }
}

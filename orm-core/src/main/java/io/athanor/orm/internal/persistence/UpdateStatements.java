package io.athanor.orm.internal.persistence;

import io.athanor.orm.internal.types.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UPDATE statements of one table of an entity, one per set of changed columns, built on first use and reused
 * by every later flush of any session of the factory, so that a loop of single-row updates does not render the
 * same text again each time. Bounded: past {@link #LIMIT} sets (a table of many columns changed in ever new
 * combinations) a statement is built for its flush and not kept. Thread-safe; the statements are immutable.
 */
final class UpdateStatements {
    /** The most sets of changed columns kept per table. */
    static final int LIMIT = 128;

    private final String table;
    /** The key columns' quoted names of a joined subclass's table, or {@code null}: the entity's id columns. */
    private final String[] keyQuoted;
    /** The version column checked and moved on in this table, or -1. */
    private final int version;
    private final ConcurrentHashMap<String, Statement> byChange = new ConcurrentHashMap<>();

    UpdateStatements(String table, String[] keyQuoted, int version) {
        this.table = table;
        this.keyQuoted = keyQuoted;
        this.version = version;
    }

    /**
     * One UPDATE: its text, the row columns it sets (in parameter order, before the version, key and version check),
     * and the type of each parameter.
     */
    record Statement(String sql, int[] set, ColumnType[] types) {
    }

    /** The statement setting the columns {@code changed} marks ({@code '1'} per changed row column). */
    Statement of(WritePlan plan, String changed) {
        Statement s = byChange.get(changed);
        if (s == null) {
            s = build(plan, changed);
            if (byChange.size() < LIMIT) {
                Statement first = byChange.putIfAbsent(changed, s);
                if (first != null) {
                    s = first;
                }
            }
        }
        return s;
    }

    /** The version column this table's statements check and move on, or -1. */
    int version() {
        return version;
    }

    /** How many statements are kept (for tests). */
    int size() {
        return byChange.size();
    }

    private Statement build(WritePlan plan, String changed) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < changed.length(); i++) {
            if (changed.charAt(i) == '1') {
                columns.add(i);
            }
        }
        int[] set = columns.stream().mapToInt(Integer::intValue).toArray();
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        for (int k = 0; k < set.length; k++) {
            sql.append(k > 0 ? ", " : "").append(plan.columns.get(set[k]).quoted).append(" = ?");
        }
        if (version >= 0) {
            sql.append(set.length == 0 ? "" : ", ").append(plan.columns.get(version).quoted).append(" = ?");
        }
        EntityWriter.appendWhere(sql, plan, keyQuoted, version);
        List<ColumnType> types = new ArrayList<>();
        for (int i : set) {
            types.add(plan.columns.get(i).model.type());
        }
        if (version >= 0) {
            types.add(plan.columns.get(version).model.type());
        }
        for (int i : plan.idColumns) {
            types.add(plan.columns.get(i).model.type());
        }
        if (version >= 0) {
            types.add(plan.columns.get(version).model.type());
        }
        return new Statement(sql.toString(), set, types.toArray(new ColumnType[0]));
    }
}

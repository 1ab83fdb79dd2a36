package io.athanor.orm.internal.meta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders tables so that every table comes after the tables its foreign keys refer to (a table's
 * references to itself do not count). Tables caught in a cycle keep their registration order; the
 * DDL then adds the foreign keys that point forward after all tables exist.
 */
final class TableOrder {
    private TableOrder() {
    }

    static List<TableModel> sort(List<TableModel> tables) {
        List<TableModel> ordered = new ArrayList<>(tables.size());
        Set<String> placed = new LinkedHashSet<>();
        List<TableModel> pending = new ArrayList<>(tables);
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (int i = 0; i < pending.size(); i++) {
                TableModel t = pending.get(i);
                if (ready(t, placed, tables)) {
                    ordered.add(t);
                    placed.add(t.fullName());
                    pending.remove(i);
                    progress = true;
                    break;
                }
            }
        }
        ordered.addAll(pending);
        return ordered;
    }

    private static boolean ready(TableModel t, Set<String> placed, List<TableModel> all) {
        for (ForeignKeyModel fk : t.foreignKeys()) {
            String target = fk.referencedSchema().isEmpty() ? fk.referencedTable() : fk.referencedSchema() + "." + fk.referencedTable();
            boolean known = all.stream().anyMatch(x -> x.fullName().equals(target));
            if (known && !target.equals(t.fullName()) && !placed.contains(target)) {
                return false;
            }
        }
        return true;
    }
}

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
        return sort(tables, java.util.Map.of());
    }

    /**
     * As {@link #sort(List)}, with the tables of each joined hierarchy as one: {@code groups} maps each subclass
     * table's full name to its root's, and a root table waits for every table any table of its group refers to
     * (so that the flush, which writes a joined entity's rows at its root table's place, writes parents first).
     */
    static List<TableModel> sort(List<TableModel> tables, java.util.Map<String, String> groups) {
        List<TableModel> ordered = new ArrayList<>(tables.size());
        Set<String> placed = new LinkedHashSet<>();
        List<TableModel> pending = new ArrayList<>(tables);
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (int i = 0; i < pending.size(); i++) {
                TableModel t = pending.get(i);
                if (ready(t, placed, tables, groups)) {
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

    private static boolean ready(TableModel t, Set<String> placed, List<TableModel> all, java.util.Map<String, String> groups) {
        boolean root = groups.containsValue(t.fullName());
        for (TableModel member : all) {
            if (member != t && !(groups.getOrDefault(member.fullName(), "").equals(t.fullName()))) {
                continue;
            }
            for (ForeignKeyModel fk : member.foreignKeys()) {
                String target = fk.referencedSchema().isEmpty() ? fk.referencedTable() : fk.referencedSchema() + "." + fk.referencedTable();
                boolean known = all.stream().anyMatch(x -> x.fullName().equals(target));
                boolean sameGroup = root && groups.getOrDefault(target, target).equals(t.fullName());
                if (known && !target.equals(t.fullName()) && !sameGroup && !placed.contains(target)) {
                    return false;
                }
            }
        }
        return true;
    }
}

package io.athanor.orm.internal.load;

import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.internal.meta.ColumnModel;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.meta.TableModel;
import io.athanor.orm.query.Load;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads many-to-many collections through their link table: one statement per batch of owners. */
final class LinkLoader {
    private final RowLoader loader;

    LinkLoader(RowLoader loader) {
        this.loader = loader;
    }

    /** Loads {@code r} of {@code parents}; the {@code PostLoad} callbacks of what it reads wait for their relationships. */
    void load(RelationshipModel r, List<Object> parents, List<Load> loads) {
        int mark = loader.beginLoad();
        boolean completed = false;
        try {
            loadLinked(r, parents, loads);
            completed = true;
        } finally {
            loader.endLoad(mark, completed);
        }
    }

    private void loadLinked(RelationshipModel r, List<Object> parents, List<Load> loads) {
        TableModel link = r.owning() ? r.joinTable() : r.inverse().joinTable();
        String ownerColumn = link.columns().get(r.owning() ? 0 : 1).name();
        String targetColumn = link.columns().get(r.owning() ? 1 : 0).name();
        EntityModel owner = loader.context().metadata().entity(r.owner());
        EntityModel target = loader.context().metadata().entity(r.target());
        int keyColumn = Relationships.columnOf(owner, owner.idProperties().get(0).column().name());
        Map<Object, Object> parentByKey = new LinkedHashMap<>();
        for (Object p : parents) {
            EntityEntry e = loader.map().entryOf(p);
            if (e == null || e.snapshot == null || e.isLoaded(r.name())) {
                continue;
            }
            parentByKey.put(e.snapshot[keyColumn], p);
        }
        if (parentByKey.isEmpty()) {
            return;
        }
        Dialect d = loader.context().metadata().dialect();
        String targetId = target.idProperties().get(0).column().name();
        StringBuilder columns = new StringBuilder();
        for (ColumnModel c : target.rowColumns()) {
            columns.append("t.").append(d.quote(c.name())).append(", ");
        }
        String head = "SELECT " + columns + "l." + d.quote(ownerColumn) + " FROM " + target.fromItem(d) + " t JOIN "
                + d.qualify(link.schema(), link.name()) + " l ON t." + d.quote(targetId)
                + " = l." + d.quote(targetColumn) + " WHERE l." + d.quote(ownerColumn) + " IN (";
        Map<Object, List<Object>> byOwner = new HashMap<>();
        List<Object> all = new ArrayList<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Object> keys = new ArrayList<>(parentByKey.keySet());
        for (int from = 0; from < keys.size(); from += Relationships.BATCH) {
            List<Object> batch = keys.subList(from, Math.min(keys.size(), from + Relationships.BATCH));
            String sql = head + String.join(", ", java.util.Collections.nCopies(batch.size(), "?")) + ") ORDER BY "
                    + order(r, target, d);
            for (Object[] row : loader.readLinked(sql, batch, target, owner.idProperties().get(0).column().type())) {
                byOwner.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row[0]);
                if (seen.add(row[0])) {
                    all.add(row[0]);
                }
            }
        }
        for (Map.Entry<Object, Object> e : parentByKey.entrySet()) {
            loader.relationships().setCollection(e.getValue(), r, byOwner.getOrDefault(e.getKey(), List.of()));
        }
        loader.loadRelationships(loader.context().loadPlan(target, loads), all, null, null);
    }

    /** The mapping's {@code orderBy} over the target's columns, then the target's key (unless already named). */
    static String order(RelationshipModel r, EntityModel target, Dialect d) {
        List<String> terms = new ArrayList<>();
        for (RelationshipModel.OrderTerm t : r.orderTerms()) {
            terms.add("t." + d.quote(target.property(t.path()).column().name()) + (t.descending() ? " DESC" : ""));
        }
        for (io.athanor.orm.internal.meta.PropertyModel id : target.idProperties()) {
            if (!r.ordersBy(id.path())) {
                terms.add("t." + d.quote(id.column().name()));
            }
        }
        return String.join(", ", terms);
    }

}

package io.athanor.orm.internal.session;

import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Order;
import io.athanor.orm.query.ReferenceAttribute;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Sql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SELECTIN strategy (SQLAlchemy's {@code lazy="selectin"}): after a query loads parents, one
 * {@code WHERE key IN (...)} query per batch of parent keys loads a relationship for all of them, so a
 * hundred users with their orders take two statements, not a hundred and one.
 */
final class SelectinLoader {
    static final int BATCH = 500;

    private final DefaultSession session;
    /** Relationships being loaded further up, so that a relationship and its inverse do not load each other forever. */
    private final Set<RelationshipModel> loading = new HashSet<>();

    SelectinLoader(DefaultSession session) {
        this.session = session;
    }

    void load(EntityModel model, List<Object> parents) {
        if (parents.isEmpty()) {
            return;
        }
        for (RelationshipModel r : model.relationships()) {
            if (r.fetch() != FetchMode.SELECTIN || loading.contains(r) || (r.inverse() != null && loading.contains(r.inverse()))) {
                continue;
            }
            loading.add(r);
            try {
                if (r.kind() == RelationshipModel.Kind.ONE_TO_MANY && r.inverse() != null && r.inverse().joinColumns().size() == 1) {
                    loadCollection(model, r, parents);
                } else if (r.owning() && !r.toMany() && r.joinColumns().size() == 1) {
                    loadReference(r, parents);
                }
            } finally {
                loading.remove(r);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void loadCollection(EntityModel model, RelationshipModel r, List<Object> parents) {
        RelationshipModel back = r.inverse();
        EntityModel childModel = session.metadata().entity(r.target());
        int keyColumn = session.plan(model).idColumns[0];
        Map<Object, Object> parentByKey = new LinkedHashMap<>();
        for (Object p : parents) {
            EntityEntry entry = session.entryOf(p);
            if (entry.loaded == null) {
                entry.loaded = new HashSet<>();
            }
            if (entry.loaded.add(r.name())) {
                parentByKey.put(entry.snapshot[keyColumn], p);
            }
        }
        if (parentByKey.isEmpty()) {
            return;
        }
        ReferenceAttribute fk = new ReferenceAttribute(childModel.type(), back.name(), model.type());
        Map<Object, List<Object>> childrenByKey = new LinkedHashMap<>();
        List<Object> keys = new ArrayList<>(parentByKey.keySet());
        int fkColumn = columnOf(childModel, back.joinColumns().get(0));
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<Object> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            Expression<Boolean> in = fk.in(batch);
            Select<Object> q = (Select<Object>) (Select) Sql.select(childModel.type()).where(in).orderBy(orderOf(r, childModel));
            for (Object child : session.list(q)) {
                Object key = session.entryOf(child).snapshot[fkColumn];
                childrenByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(child);
            }
        }
        for (Map.Entry<Object, Object> e : parentByKey.entrySet()) {
            List<Object> children = childrenByKey.getOrDefault(e.getKey(), List.of());
            Collection<Object> target = (Collection<Object>) r.accessor().get(e.getValue());
            if (target == null) {
                target = r.collectionType() == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
                r.accessor().set(e.getValue(), target);
            }
            target.clear();
            target.addAll(children);
            EntityEntry parentEntry = session.entryOf(e.getValue());
            if (r.orphanRemoval() && parentEntry != null) {
                if (parentEntry.loadedElements == null) {
                    parentEntry.loadedElements = new java.util.HashMap<>();
                }
                parentEntry.loadedElements.put(r.name(), new ArrayList<>(children));
            }
            for (Object child : children) {
                if (back.accessor().get(child) == null) {
                    back.accessor().set(child, e.getValue());
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void loadReference(RelationshipModel r, List<Object> parents) {
        EntityModel owner = session.metadata().entity(r.owner());
        EntityModel target = session.metadata().entity(r.target());
        int fkColumn = columnOf(owner, r.joinColumns().get(0));
        Map<Object, List<Object>> ownersByKey = new LinkedHashMap<>();
        for (Object p : parents) {
            Object key = session.entryOf(p).snapshot[fkColumn];
            if (key != null && r.accessor().get(p) == null) {
                ownersByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
        }
        if (ownersByKey.isEmpty()) {
            return;
        }
        String keyPath = null;
        for (io.athanor.orm.internal.meta.PropertyModel p : target.properties()) {
            if (p.column().name().equals(r.referencedColumns().get(0))) {
                keyPath = p.path();
            }
        }
        Attribute key = new Attribute(target.type(), keyPath, target.property(keyPath).javaType());
        List<Object> keys = new ArrayList<>(ownersByKey.keySet());
        int keyColumn = columnOf(target, r.referencedColumns().get(0));
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<Object> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            Expression<Boolean> in = key.in(batch);
            for (Object loaded : session.list((Select<Object>) (Select) Sql.select(target.type()).where(in))) {
                for (Object o : ownersByKey.getOrDefault(session.entryOf(loaded).snapshot[keyColumn], List.of())) {
                    r.accessor().set(o, loaded);
                }
            }
        }
    }

    private static int columnOf(EntityModel model, String column) {
        List<io.athanor.orm.internal.meta.ColumnModel> columns = model.rowColumns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + column + " in " + model.name());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Order[] orderOf(RelationshipModel r, EntityModel child) {
        List<Order> orders = new ArrayList<>();
        if (!r.orderBy().isBlank()) {
            for (String part : r.orderBy().split(",")) {
                String[] words = part.trim().split("\\s+");
                Attribute a = new Attribute(child.type(), words[0], child.property(words[0]).javaType());
                boolean desc = words.length > 1 && words[1].toLowerCase(Locale.ROOT).equals("desc");
                orders.add(desc ? a.desc() : a.asc());
            }
        }
        for (io.athanor.orm.internal.meta.PropertyModel id : child.idProperties()) {
            orders.add(new Attribute(child.type(), id.path(), id.javaType()).asc());
        }
        return orders.toArray(new Order[0]);
    }

}

package io.athanor.orm.internal.persistence;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.meta.TableModel;
import io.athanor.orm.internal.types.ColumnType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the rows of many-to-many link tables: after the entities are written (so new ones have keys),
 * inserts a row per element added to an owning collection and deletes one per element removed, comparing
 * each loaded collection with its elements as loaded. Unloaded lazy collections have no changes. The link
 * rows of entities being deleted go before those entities, through {@link #deleteLinksOf}.
 */
public final class LinkWriter {
    private final IdentityMap map;
    private final Metadata metadata;
    private final int batchSize;
    private final List<Change> changes = new ArrayList<>();

    /** The links of one owner's collection to add and remove. */
    private static final class Change {
        final EntityEntry owner;
        final RelationshipModel relationship;
        final List<Object> now;
        final List<Object> added = new ArrayList<>();
        final List<Object> removed = new ArrayList<>();

        Change(EntityEntry owner, RelationshipModel relationship, List<Object> now) {
            this.owner = owner;
            this.relationship = relationship;
            this.now = now;
        }
    }

    /** The link rows to write for {@code entries}' collections, sent {@code batchSize} rows per batch (0: all in one). */
    public LinkWriter(IdentityMap map, Metadata metadata, List<EntityEntry> entries, int batchSize) {
        this.map = map;
        this.metadata = metadata;
        this.batchSize = batchSize;
        EntityModel lastModel = null;
        boolean ownsLinks = false;
        for (int i = 0, n = entries.size(); i < n; i++) {
            EntityEntry e = entries.get(i);
            if (e.model != lastModel) {
                lastModel = e.model;
                ownsLinks = ownsLinks(lastModel);
            }
            if (!ownsLinks || e.status() == EntityEntry.Status.DELETED || e.hollow) {
                continue;
            }
            for (RelationshipModel r : e.model.relationships()) {
                if (r.kind() != RelationshipModel.Kind.MANY_TO_MANY || !r.owning()) {
                    continue;
                }
                Object value = r.accessor().get(e.instance);
                if (value instanceof LazyValue && !((LazyValue) value).isLoaded()) {
                    continue;
                }
                List<Object> now = value == null ? List.of() : new ArrayList<>((Collection<?>) value);
                List<Object> before = e.loadedLinks() == null ? null : e.loadedLinks().get(r.name());
                if (before == null) {
                    before = List.of();
                }
                Change c = new Change(e, r, now);
                for (Object o : now) {
                    if (before.stream().noneMatch(x -> x == o)) {
                        c.added.add(o);
                    }
                }
                for (Object o : before) {
                    if (now.stream().noneMatch(x -> x == o)) {
                        c.removed.add(o);
                    }
                }
                if (!c.added.isEmpty() || !c.removed.isEmpty() || e.loadedLinks() == null || !e.loadedLinks().containsKey(r.name())) {
                    changes.add(c);
                }
            }
        }
        refuseRowsAddedTwice(entries);
    }

    /** Whether {@code model} has an owning many-to-many collection, whose link rows a flush writes. */
    public static boolean ownsLinks(EntityModel model) {
        for (RelationshipModel r : model.relationships()) {
            if (r.kind() == RelationshipModel.Kind.MANY_TO_MANY && r.owning()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses, before any SQL, a link row a collection adds that a new instance of the entity mapping the same link
     * table inserts too: the database would refuse the second one as a duplicate key. Costs nothing when no
     * collection gained an element; otherwise one pass over the flush's entries.
     */
    private void refuseRowsAddedTwice(List<EntityEntry> entries) {
        Map<String, List<EntityEntry>> newRows = null;
        Map<RelationshipModel, Map<List<Object>, EntityEntry>> byLink = null;
        for (Change c : changes) {
            if (c.added.isEmpty() || c.relationship.viewOnly()) {
                continue;
            }
            if (newRows == null) {
                newRows = newRowsOfLinkTables(entries);
                if (newRows.isEmpty()) {
                    return;
                }
                byLink = new java.util.IdentityHashMap<>();
            }
            TableModel link = c.relationship.joinTable();
            List<EntityEntry> rows = newRows.get(tableKey(link));
            if (rows == null) {
                continue;
            }
            String ownerColumn = link.columns().get(0).name();
            String targetColumn = link.columns().get(1).name();
            Map<List<Object>, EntityEntry> pairs = byLink.computeIfAbsent(c.relationship, r -> {
                Map<List<Object>, EntityEntry> m = new HashMap<>();
                for (EntityEntry row : rows) {
                    m.putIfAbsent(java.util.Arrays.asList(normal(columnValue(row, ownerColumn)),
                            normal(columnValue(row, targetColumn))), row);
                }
                return m;
            });
            Object ownerKey = c.owner.model.idProperties().get(0).accessor().get(c.owner.instance);
            EntityModel target = metadata.entity(c.relationship.target());
            for (Object o : c.added) {
                Object targetKey = target.idProperties().get(0).accessor().get(o);
                if (ownerKey == null || targetKey == null) {
                    continue; // a key the database generates: no entity row can name it yet
                }
                EntityEntry row = pairs.get(java.util.Arrays.asList(normal(ownerKey), normal(targetKey)));
                if (row != null) {
                    String owner = c.owner.model.name();
                    throw new AthanorException("The link row " + ownerColumn + " = " + ownerKey + ", " + targetColumn + " = "
                            + targetKey + " of " + link.fullName() + " is added twice in one flush: through " + c.relationship
                            + " (the " + target.name() + " added to it) and as a new " + row.model.name() + ", which maps "
                            + "the same table. Add it one way: either the " + row.model.name() + " alone (to set its other "
                            + "columns; refresh the " + owner + " afterwards to see it in " + owner + "."
                            + c.relationship.name() + "), or the element alone (its other columns take their defaults).");
                }
            }
        }
    }

    /** The new entries whose table is a link table a collection adds rows to, by table. */
    private Map<String, List<EntityEntry>> newRowsOfLinkTables(List<EntityEntry> entries) {
        java.util.Set<String> links = new java.util.HashSet<>();
        for (Change c : changes) {
            if (!c.added.isEmpty() && !c.relationship.viewOnly()) {
                links.add(tableKey(c.relationship.joinTable()));
            }
        }
        Map<EntityModel, String> keys = new java.util.IdentityHashMap<>();
        Map<String, List<EntityEntry>> out = new HashMap<>();
        for (EntityEntry e : entries) {
            if (e.status() == EntityEntry.Status.NEW) {
                String k = keys.computeIfAbsent(e.model, m -> tableKey(m.table()));
                if (links.contains(k)) {
                    out.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
                }
            }
        }
        return out;
    }

    private static String tableKey(TableModel t) {
        return (t.schema() == null ? "" : t.schema().toLowerCase(java.util.Locale.ROOT)) + "."
                + t.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value {@code e}'s instance gives column {@code column}: a field's, or the key of a to-one's parent. */
    private Object columnValue(EntityEntry e, String column) {
        for (io.athanor.orm.internal.meta.PropertyModel p : e.model.properties()) {
            if (p.column().name().equalsIgnoreCase(column)) {
                return p.accessor().get(e.instance);
            }
        }
        for (RelationshipModel r : e.model.relationships()) {
            if (r.owning() && !r.toMany() && r.joinColumns().size() == 1 && r.joinColumns().get(0).equalsIgnoreCase(column)) {
                Object parent = r.accessor().get(e.instance);
                return parent == null ? null : metadata.entity(r.target()).idProperties().get(0).accessor().get(parent);
            }
        }
        return null;
    }

    /** A key as compared here: whole numbers of any width as a {@code Long}. */
    private static Object normal(Object key) {
        return key instanceof Integer || key instanceof Short || key instanceof Byte ? Long.valueOf(((Number) key).longValue()) : key;
    }

    /** The owner of the first collection whose link rows must change, or {@code null}. */
    public EntityEntry firstChangedOwner() {
        for (Change c : changes) {
            if (!c.added.isEmpty() || !c.removed.isEmpty()) {
                return c.owner;
            }
        }
        return null;
    }

    /** Whether any link row must be written. */
    public boolean hasWork() {
        return firstChangedOwner() != null;
    }

    /** Writes the link rows; the entities must be written already. */
    public void write(Connection connection) {
        write(owner -> connection);
    }

    /** Writes the link rows, each on the connection of its owner's database; the entities must be written already. */
    public void write(java.util.function.Function<EntityEntry, Connection> connectionOf) {
        Map<Connection, List<Change>> byConnection = new java.util.LinkedHashMap<>();
        for (Change c : changes) {
            if (!c.added.isEmpty() || !c.removed.isEmpty()) {
                byConnection.computeIfAbsent(connectionOf.apply(c.owner), k -> new ArrayList<>()).add(c);
            }
        }
        for (Map.Entry<Connection, List<Change>> group : byConnection.entrySet()) {
            write(group.getKey(), group.getValue());
        }
    }

    private void write(Connection connection, List<Change> changes) {
        for (Change c : changes) {
            if (c.relationship.viewOnly()) {
                EntityModel owner = c.owner.model;
                throw new AthanorException(owner.name() + "." + c.relationship.name() + " is viewOnly, but elements were "
                        + (c.added.isEmpty() ? "removed from" : "added to") + " it; it never writes link rows. Write the "
                        + "rows of " + c.relationship.joinTable().fullName() + " through the entity that maps it (or "
                        + "remove viewOnly), and expire or refresh the " + owner.name() + " to see them here.");
            }
        }
        Map<RelationshipModel, List<List<Object>>> inserts = new HashMap<>();
        Map<RelationshipModel, List<List<Object>>> deletes = new HashMap<>();
        for (Change c : changes) {
            Object ownerKey = key(c.owner.model, c.owner.instance, c.relationship);
            EntityModel target = metadata.entity(c.relationship.target());
            for (Object o : c.added) {
                EntityEntry t = map.entryOf(o);
                if (t == null || t.status() == EntityEntry.Status.DELETED) {
                    throw new AthanorException(c.relationship + " holds a " + target.name() + " that is not in the session, so "
                            + "the link to it cannot be written. Add it (session.add) first, or give the relationship "
                            + "cascade = CascadeType.PERSIST.");
                }
                inserts.computeIfAbsent(c.relationship, k -> new ArrayList<>()).add(List.of(ownerKey, key(target, o,
                        c.relationship)));
            }
            for (Object o : c.removed) {
                deletes.computeIfAbsent(c.relationship, k -> new ArrayList<>()).add(List.of(ownerKey, key(target, o,
                        c.relationship)));
            }
        }
        for (Map.Entry<RelationshipModel, List<List<Object>>> d : deletes.entrySet()) {
            run(connection, d.getKey(), d.getValue(), false);
        }
        for (Map.Entry<RelationshipModel, List<List<Object>>> i : inserts.entrySet()) {
            run(connection, i.getKey(), i.getValue(), true);
        }
    }

    /**
     * Deletes the link rows that refer to {@code deleted}, entities whose rows are deleted next, whether their
     * collections were loaded or not and on either side: one batched {@code DELETE} per link-table column that
     * refers to their type, except for sides mapped {@code passiveDeletes} (the database deletes those rows).
     */
    public static void deleteLinksOf(PersistenceContext context, Connection connection, List<EntityEntry> deleted) {
        Map<EntityModel, List<List<Object>>> keys = new java.util.LinkedHashMap<>();
        for (EntityEntry e : deleted) {
            WritePlan plan = context.plan(e.model);
            if (!plan.links.isEmpty() && plan.idColumns.length == 1 && e.snapshot != null) {
                keys.computeIfAbsent(e.model, k -> new ArrayList<>()).add(List.of(e.snapshot[plan.idColumns[0]]));
            }
        }
        for (Map.Entry<EntityModel, List<List<Object>>> k : keys.entrySet()) {
            List<List<Object>> rows = k.getValue();
            for (WritePlan.LinkColumn link : context.plan(k.getKey()).links) {
                ColumnType type = link.column.type();
                Batches.run(connection, context.batchSize(), link.delete, rows, (ps, i) -> type.bind(ps, 1, rows.get(i).get(0)),
                        new String[0], null);
            }
        }
    }

    /** Records what was written as each collection's loaded state. */
    public void written() {
        for (Change c : changes) {
            c.owner.loadedLinksToFill().put(c.relationship.name(), c.now);
        }
    }

    private static Object key(EntityModel model, Object instance, RelationshipModel r) {
        Object k = model.idProperties().get(0).accessor().get(instance);
        if (k == null) {
            throw new AthanorException(r + " links a " + model.name() + " that has no key yet; add it to the session so "
                    + "that the flush saves it first.");
        }
        return k;
    }

    private void run(Connection connection, RelationshipModel r, List<List<Object>> rows, boolean insert) {
        TableModel link = r.joinTable();
        var d = metadata.dialect();
        String owner = d.quote(link.columns().get(0).name());
        String target = d.quote(link.columns().get(1).name());
        String table = d.qualify(link.schema(), link.name());
        String sql = insert ? "INSERT INTO " + table + " (" + owner + ", " + target + ") VALUES (?, ?)"
                : "DELETE FROM " + table + " WHERE " + owner + " = ? AND " + target + " = ?";
        ColumnType ownerType = link.columns().get(0).type();
        ColumnType targetType = link.columns().get(1).type();
        Batches.run(connection, batchSize, sql, rows, (ps, i) -> {
            ownerType.bind(ps, 1, rows.get(i).get(0));
            targetType.bind(ps, 2, rows.get(i).get(1));
        }, new String[0], null);
    }
}

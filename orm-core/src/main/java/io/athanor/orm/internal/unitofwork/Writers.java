package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.internal.meta.EntityCallbacks.Kind;
import io.athanor.orm.internal.persistence.EntityWriter;
import io.athanor.orm.internal.persistence.LinkWriter;
import io.athanor.orm.internal.persistence.PersistenceContext;
import io.athanor.orm.internal.state.EntityEntry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The flush's writers, one per connection: each group of rows {@link WriteOrder} hands over is split by the
 * database its rows live in (per-entity engines, shards), in the order the groups come, so parents are still
 * written before their children.
 */
final class Writers {
    private final PersistenceContext context;
    private final Function<EntityEntry, Connection> connectionOf;
    private final Map<Connection, EntityWriter> writers = new IdentityHashMap<>();
    /** The changed instances whose PreUpdate callbacks ran: their PostUpdate callbacks run after their UPDATE. */
    private final java.util.Set<EntityEntry> updating;

    Writers(PersistenceContext context, Function<EntityEntry, Connection> connectionOf, java.util.Set<EntityEntry> updating) {
        this.context = context;
        this.connectionOf = connectionOf;
        this.updating = updating;
    }

    void insert(List<EntityEntry> rows) {
        each(rows, EntityWriter::insert);
        after(Kind.POST_PERSIST, rows);
    }

    void update(List<EntityEntry> rows) {
        each(rows, EntityWriter::update);
        if (!updating.isEmpty()) {
            for (EntityEntry e : rows) {
                if (updating.contains(e)) {
                    e.model.callbacks().fire(Kind.POST_UPDATE, e.instance);
                }
            }
        }
    }

    void delete(List<EntityEntry> rows) {
        each(rows, EntityWriter::delete);
        after(Kind.POST_REMOVE, rows);
    }

    /** Runs {@code kind}'s callbacks of {@code rows}, which may be of several classes of one hierarchy. */
    private static void after(Kind kind, List<EntityEntry> rows) {
        io.athanor.orm.internal.meta.EntityModel last = null;
        boolean has = false;
        for (EntityEntry e : rows) {
            if (e.model != last) {
                last = e.model;
                has = last.callbacks().has(kind);
            }
            if (has) {
                e.model.callbacks().fire(kind, e.instance);
            }
        }
    }

    void deleteLinks(List<EntityEntry> rows) {
        each(rows, EntityWriter::deleteLinks);
    }

    /** Writes the link rows of many-to-many collections on their owners' databases. */
    void writeLinks(LinkWriter links) {
        links.write(connectionOf);
    }

    private void each(List<EntityEntry> rows, BiConsumer<EntityWriter, List<EntityEntry>> op) {
        if (rows.isEmpty()) {
            return;
        }
        for (EntityEntry e : rows) {
            if (e.model != rows.get(0).model) {
                // entities of one single-table hierarchy share the table but not the row plan: one group per entity
                Map<Object, List<EntityEntry>> byModel = new LinkedHashMap<>();
                for (EntityEntry r : rows) {
                    byModel.computeIfAbsent(r.model, k -> new ArrayList<>()).add(r);
                }
                byModel.values().forEach(group -> each(group, op));
                return;
            }
        }
        Connection first = connectionOf.apply(rows.get(0));
        Map<Connection, List<EntityEntry>> groups = null;
        for (int i = 1; i < rows.size(); i++) {
            Connection c = connectionOf.apply(rows.get(i));
            if (groups == null && c != first) {
                groups = new LinkedHashMap<>();
                groups.put(first, new ArrayList<>(rows.subList(0, i)));
            }
            if (groups != null) {
                groups.computeIfAbsent(c, k -> new ArrayList<>()).add(rows.get(i));
            }
        }
        if (groups == null) {
            op.accept(writer(first), rows);
            return;
        }
        for (Map.Entry<Connection, List<EntityEntry>> g : groups.entrySet()) {
            op.accept(writer(g.getKey()), g.getValue());
        }
    }

    private EntityWriter writer(Connection c) {
        return writers.computeIfAbsent(c, k -> new EntityWriter(context, k));
    }
}

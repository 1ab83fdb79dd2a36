package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.TableModel;
import io.athanor.orm.internal.persistence.PersistenceContext;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.state.EntityEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The order of a flush's writes (SQLAlchemy's unit-of-work sort): inserts and updates parents first, then
 * deletes children first, per entity type in the tables' foreign-key order, each type's link rows just before
 * its rows, dropping to per-row order only within a table that refers to itself.
 */
final class WriteOrder {
    private final PersistenceContext context;
    private final Writers writer;

    WriteOrder(PersistenceContext context, Writers writer) {
        this.context = context;
        this.writer = writer;
    }

    void write(List<EntityEntry> entries) {
        List<TableModel> tables = context.metadata().tables();
        // Tables are grouped by identity: a TableModel record's equals and hashCode walk all its columns.
        Map<TableModel, Integer> position = new java.util.IdentityHashMap<>();
        List<List<EntityEntry>> inserts = new ArrayList<>(tables.size());
        List<List<EntityEntry>> others = new ArrayList<>(tables.size());
        List<List<EntityEntry>> deletes = new ArrayList<>(tables.size());
        for (TableModel t : tables) {
            position.put(t, position.size());
            inserts.add(new ArrayList<>());
            others.add(new ArrayList<>());
            deletes.add(new ArrayList<>());
        }
        for (EntityEntry e : entries) {
            // an entity of a hierarchy is written at its root's table (a joined hierarchy's tables sort as one)
            int table = position.get(e.model.inheritance() == null ? e.model.table()
                    : context.metadata().entity(e.model.rootType()).table());
            (e.status() == EntityEntry.Status.NEW ? inserts : e.status() == EntityEntry.Status.PERSISTENT ? others : deletes)
                    .get(table).add(e);
        }
        for (List<EntityEntry> group : inserts) {
            insertInDependencyOrder(group);
        }
        for (List<EntityEntry> group : others) {
            writer.update(group);
        }
        // Per table, children first: the link rows that refer to a table's rows go just before those rows, so the
        // rows of an entity that maps a link table (deleted before the parents it refers to) are still there.
        for (int t = tables.size() - 1; t >= 0; t--) {
            writer.deleteLinks(deletes.get(t));
            deleteInDependencyOrder(deletes.get(t));
        }
    }

    /** Rows whose parent of the same table is new go after it: per-row order, only where a table refers to itself. */
    private void insertInDependencyOrder(List<EntityEntry> group) {
        if (group.isEmpty() || group.stream().noneMatch(e -> context.plan(e.model).selfReferencing)) {
            writer.insert(group);
            return;
        }
        List<EntityEntry> pending = new ArrayList<>(group);
        while (!pending.isEmpty()) {
            List<EntityEntry> ready = new ArrayList<>();
            for (EntityEntry e : pending) {
                if (!waitsForSameTableParent(e, pending)) {
                    ready.add(e);
                }
            }
            if (ready.isEmpty()) {
                throw new AthanorException("New " + pending.get(0).model.name() + " instances refer to each other in a cycle; "
                        + "save one of them first with its reference unset, then set it.");
            }
            writer.insert(ready);
            pending.removeAll(ready);
        }
    }

    private boolean waitsForSameTableParent(EntityEntry e, List<EntityEntry> pending) {
        for (io.athanor.orm.internal.meta.RelationshipModel r : e.model.relationships()) {
            if (r.owning() && !r.toMany() && context.metadata().entity(r.target()).rootType() == e.model.rootType()) {
                Object parent = r.accessor().get(e.instance);
                if (parent != null && parent != e.instance) {
                    for (EntityEntry p : pending) {
                        if (p.instance == parent) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Rows whose same-table children are also being deleted wait until those children are gone. */
    private void deleteInDependencyOrder(List<EntityEntry> group) {
        if (group.isEmpty() || group.stream().noneMatch(e -> context.plan(e.model).selfReferencing)) {
            writer.delete(group);
            return;
        }
        List<EntityEntry> pending = new ArrayList<>(group);
        while (!pending.isEmpty()) {
            List<EntityEntry> ready = new ArrayList<>();
            for (EntityEntry e : pending) {
                boolean hasPendingChild = false;
                for (EntityEntry other : pending) {
                    if (other != e && refersTo(other, e)) {
                        hasPendingChild = true;
                        break;
                    }
                }
                if (!hasPendingChild) {
                    ready.add(e);
                }
            }
            if (ready.isEmpty()) {
                ready.add(pending.get(0));
            }
            writer.delete(ready);
            pending.removeAll(ready);
        }
    }

    /** Whether {@code child}'s row refers to {@code parent}'s through a foreign key of the same table. */
    private boolean refersTo(EntityEntry child, EntityEntry parent) {
        WritePlan plan = context.plan(child.model);
        for (int i = 0; i < plan.columns.size(); i++) {
            WritePlan.Column c = plan.columns.get(i);
            if (c.relation != null && c.relation.target().isInstance(parent.instance) && child.snapshot[i] != null
                    && child.snapshot[i].equals(parent.snapshot[plan.idColumns[0]])) {
                return true;
            }
        }
        return false;
    }
}

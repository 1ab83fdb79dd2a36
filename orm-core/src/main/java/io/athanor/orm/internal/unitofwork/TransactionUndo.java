package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.internal.load.RowLoader;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rollback puts back (SQLAlchemy expires everything instead; without field interception Athanor
 * restores). Each flush of the transaction logs, per row it writes, the entry's state before the write;
 * a rollback replays the log backwards to the transaction's start, a savepoint's rollback to the
 * savepoint's mark. Then every instance the session keeps gets its fields back from its snapshot (what
 * the database holds), its loaded collections become lazy again, and instances whose rows the undone
 * work inserted, or that were never flushed, leave the session. The log holds one record per row
 * written, so a long transaction pays in memory only for what it wrote.
 */
final class TransactionUndo {
    /** An entry's state before a flush updated or deleted its row. */
    private record Undo(EntityEntry entry, Object[] snapshot, Object id) {
    }

    private final IdentityMap map;
    private final FlushContext context;
    private final RowLoader loader;
    /** Per row written: an {@link Undo}, or the {@link EntityEntry} itself for an insert (no record to allocate). */
    private final List<Object> log = new ArrayList<>();

    TransactionUndo(IdentityMap map, FlushContext context, RowLoader loader) {
        this.map = map;
        this.context = context;
        this.loader = loader;
    }

    /** Where the log stands: a savepoint's mark, or a flush's start. */
    int mark() {
        return log.size();
    }

    void inserted(EntityEntry e) {
        log.add(e);
    }

    void updating(EntityEntry e) {
        log.add(new Undo(e, e.snapshot, e.id()));
    }

    void deleted(EntityEntry e) {
        log.add(new Undo(e, e.snapshot, e.id()));
    }

    /** Drops records past {@code mark} without replaying them (a failed flush restores its own way). */
    void truncate(int mark) {
        if (mark < log.size()) { // a session closed while its flush wrote has let the log go
            log.subList(mark, log.size()).clear();
        }
    }

    /** After a commit: nothing is undone any more. */
    void clear() {
        log.clear();
    }

    /**
     * Puts the session back as it was at {@code mark} (0: the transaction's start), after the database has
     * rolled back to the same point.
     */
    void rollbackTo(int mark) {
        for (int i = log.size() - 1; i >= mark; i--) {
            Object record = log.get(i);
            if (record instanceof EntityEntry) {
                EntityEntry e = current((EntityEntry) record);
                map.forget(e);
                clearGeneratedKey(e);
                e.forgetServerDefaults();
                e.setKey(null);
                e.snapshot = null;
                e.status(EntityEntry.Status.NEW);
            } else {
                Undo u = (Undo) record;
                EntityEntry e = current(u.entry());
                e.snapshot = u.snapshot();
                e.restoreId(u.id());
                e.status(EntityEntry.Status.PERSISTENT);
                if (!map.holds(e.instance) && map.wasDeleted(e.instance) && !map.holdsKey(e.key())) {
                    map.add(e); // its delete is undone; an instance the application expunged stays out
                }
            }
        }
        truncate(mark);
        List<EntityEntry> pending = new ArrayList<>();
        for (EntityEntry e : map.entries()) {
            if (e.status() == EntityEntry.Status.NEW) {
                pending.add(e);
            }
        }
        map.forgetAll(pending);
        for (EntityEntry e : new ArrayList<>(map.entries())) {
            if (e.status() == EntityEntry.Status.DELETED) {
                e.status(EntityEntry.Status.PERSISTENT);
            }
            if (e.hollow || e.snapshot == null) {
                continue;
            }
            restoreFields(e);
            loader.relationships().expireCollections(e.instance);
            e.expired = true;
        }
    }

    /** The entry the session holds now for a logged entry's instance (refresh() gives an instance a new entry). */
    private EntityEntry current(EntityEntry logged) {
        EntityEntry now = map.entryOf(logged.instance);
        return now != null ? now : logged;
    }

    private static void clearGeneratedKey(EntityEntry e) {
        for (PropertyModel id : e.model.idProperties()) {
            if (id.generation() != null) {
                id.accessor().set(e.instance, null);
            }
        }
    }

    /** Gives an instance the column values and parents its snapshot holds (what the database holds). */
    private void restoreFields(EntityEntry e) {
        EntityModel model = e.model;
        WritePlan plan = context.plan(model);
        java.util.List<PropertyModel> properties = model.properties();
        Object[] values = new Object[properties.size()];
        boolean[] restore = new boolean[properties.size()];
        for (int i = 0; i < plan.columns.size(); i++) {
            WritePlan.Column c = plan.columns.get(i);
            Object was = e.snapshot[i];
            if (c.relation != null) {
                restoreParent(e, c, was);
            } else if (c.property != null) {
                PropertyModel p = c.property;
                if (!p.id() && !p.column().type().same(p.accessor().get(e.instance), was) && (was != null || p.column().nullable())) {
                    int k = properties.indexOf(p);
                    values[k] = p.column().type().snapshot(was);
                    restore[k] = true;
                }
            }
        }
        model.assigner().assign(e.instance, values, k -> restore[k]);
    }

    /** Points an owning to-one back at the parent whose key the snapshot holds, when that is its target's key. */
    private void restoreParent(EntityEntry e, WritePlan.Column c, Object key) {
        RelationshipModel r = c.relation;
        if (c.property != null) {
            PropertyModel p = c.property;
            if (!Values.same(p.accessor().get(e.instance), key) && (key != null || p.column().nullable())) {
                p.accessor().set(e.instance, key);
            }
        }
        if (r.toMany() || c.referencedKey == null || !c.referencedKey.id() || r.joinColumns().size() != 1) {
            return;
        }
        Object parent = r.accessor().get(e.instance);
        Object now = parent == null ? null : c.referencedKey.accessor().get(parent);
        if (Values.same(now, key)) {
            return;
        }
        if (key == null) {
            r.accessor().set(e.instance, null);
            return;
        }
        EntityModel target = context.metadata().entity(r.target());
        EntityEntry known = map.get(target.rootType(), key, e.shard);
        r.accessor().set(e.instance, known != null ? known.instance : loader.reference(target, key, r, e));
        e.markToOne(r);
    }
}

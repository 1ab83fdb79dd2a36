package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.Loading;
import io.athanor.orm.internal.load.Relationships;
import io.athanor.orm.internal.load.RowLoader;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.persistence.LinkWriter;
import io.athanor.orm.internal.persistence.PersistenceContext;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.EntityKey;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.sync.Associations;
import io.athanor.orm.internal.sync.RawCollection;
import java.util.ArrayList;
import java.util.List;

/**
 * What must be written, and in which order (SQLAlchemy's unit of work): pending adds and deletes with their
 * cascades, orphans and children moved between parents, then a flush that hands the rows to persistence in
 * dependency order and undoes its own bookkeeping when it fails. One per session; its thread only.
 */
public final class UnitOfWork implements PersistenceContext {
    private final FlushContext context;
    private final IdentityMap map;
    private final RowLoader loader;
    /** What a rollback puts back; made by the first write (a session that only reads never needs it). */
    private TransactionUndo undo;
    /** Made by the first flush. */
    private FlushStats stats;
    /** How many times delete() was called: a flush that saw none while it prepared may keep its comparisons. */
    private long deletes;
    /** The flush's first pass; made by the first flush. */
    private FlushWalk walk;
    /** Made on the first add() of a detached instance. */
    private Reattach reattach;

    /** How many times delete() was called so far (a walk that saw none may keep its comparisons). */
    long deletes() {
        return deletes;
    }

    public UnitOfWork(FlushContext context, IdentityMap map, RowLoader loader) {
        this.context = context;
        this.map = map;
        this.loader = loader;
    }

    /** Makes {@code entity} pending (new), or brings a deleted one back; cascades PERSIST. The session checked it may write. */
    public void add(Object entity) {
        if (entity == null) {
            throw new AthanorException("add() was given null.");
        }
        EntityEntry e = map.entryOf(entity);
        if (e != null) {
            if (e.status() == EntityEntry.Status.DELETED) {
                e.status(EntityEntry.Status.PERSISTENT);
                e.changed();
                forEachCascaded(e, io.athanor.orm.annotations.CascadeType.REMOVE, child -> {
                    EntityEntry c = map.entryOf(child);
                    if (c != null && c.status() == EntityEntry.Status.DELETED) {
                        add(child);
                    }
                });
            }
            cascadePersist(e);
            return;
        }
        EntityModel model = context.metadata().entity(entity.getClass());
        refuseView(model);
        Object detached = Reattach.detachedKey(model, entity);
        if (detached != null) {
            if (reattach == null) {
                reattach = new Reattach(context, map, loader);
            }
            cascadePersist(reattach.attach(entity, model, detached));
            return;
        }
        if (map.wasDeleted(entity)) {
            throw new AthanorException(model.name() + " was deleted in this session, so add() cannot bring it back. To insert "
                    + "its values again, make a new instance and add that.");
        }
        model.callbacks().prePersist(entity);
        EntityEntry entry = new EntityEntry(entity, model, null, EntityEntry.Status.NEW, null);
        map.add(entry);
        for (io.athanor.orm.internal.meta.RelationshipModel r : model.relationships()) {
            if (Relationships.isDynamic(r)) {
                loader.relationships().bindDynamic(entity, r);
            } else if (r.inverse() != null) {
                adoptTwoWay(entity, r);
            }
        }
        cascadePersist(entry);
    }

    /**
     * Links what a new instance already holds to the other side, as if each value had been set now, and
     * wraps its collection so later adds and removes are linked when made.
     */
    @SuppressWarnings("unchecked")
    private static void adoptTwoWay(Object entity, io.athanor.orm.internal.meta.RelationshipModel r) {
        Object value = r.accessor().get(entity);
        if (value == null) {
            return;
        }
        if (!r.toMany()) {
            Associations.toOneChanged(entity, r, null, value);
        } else if (value instanceof java.util.Collection && !(value instanceof RawCollection)) {
            Associations.adopt(entity, r, (java.util.Collection<?>) value);
            r.accessor().set(entity, Associations.wrap(entity, r, (java.util.Collection<Object>) value));
        }
    }

    private void cascadePersist(EntityEntry e) {
        for (io.athanor.orm.internal.meta.RelationshipModel r : e.model.relationships()) {
            if (r.cascade().contains(io.athanor.orm.annotations.CascadeType.PERSIST)) {
                cascadePersist(e, r);
            }
        }
    }

    /** Adds the new instances {@code e} holds through {@code r}, a relationship that cascades PERSIST. */
    private void cascadePersist(EntityEntry e, io.athanor.orm.internal.meta.RelationshipModel r) {
        for (Object v : cascadeReach(e.instance, r)) {
            if (addedByCascade(map, v)) {
                add(v);
            }
        }
    }

    /** What {@code r} of {@code entity} holds for a PERSIST cascade to reach: its elements or its one value; none while unloaded. */
    static java.util.Collection<?> cascadeReach(Object entity, io.athanor.orm.internal.meta.RelationshipModel r) {
        Object value = r.accessor().get(entity);
        if (value == null || value instanceof LazyValue && !((LazyValue) value).isLoaded()
                || value instanceof io.athanor.orm.DynamicCollection) {
            return List.of();
        }
        return value instanceof java.util.Collection ? (java.util.Collection<?>) value : List.of(value);
    }

    /**
     * Whether a PERSIST cascade adds {@code v}: an instance {@code map} neither holds nor deleted, other than a proxy,
     * which stands for a row that exists (a raising reference is one the session does not hold).
     */
    static boolean addedByCascade(IdentityMap map, Object v) {
        return v != null && !(v instanceof io.athanor.orm.internal.proxy.Proxied) && !map.holds(v) && !map.wasDeleted(v);
    }

    /** Marks {@code entity} deleted (a new one is simply forgotten); cascades REMOVE. The session checked it may write. */
    public void delete(Object entity) {
        deletes++;
        EntityEntry e = map.entryOf(entity);
        if (e == null) {
            throw new AthanorException("delete() was given a " + entity.getClass().getSimpleName() + " that is not in this "
                    + "session; load it first (session.get) or merge it.");
        }
        refuseView(e.model);
        if (e.status() == EntityEntry.Status.DELETED) {
            return;
        }
        if (e.hollow) {
            Loading.load(entity);
        }
        if (e.status() == EntityEntry.Status.NEW) {
            map.forget(e);
        } else {
            e.model.callbacks().fire(io.athanor.orm.internal.meta.EntityCallbacks.Kind.PRE_REMOVE, entity);
            e.status(EntityEntry.Status.DELETED);
            e.changed();
        }
        forEachCascaded(e, io.athanor.orm.annotations.CascadeType.REMOVE, child -> {
            if (map.holds(child)) {
                delete(child);
            }
        });
    }

    /** Calls {@code action} for each entity that {@code e}'s relationships marked with {@code cascade} hold. */
    private void forEachCascaded(EntityEntry e, io.athanor.orm.annotations.CascadeType cascade,
                                 java.util.function.Consumer<Object> action) {
        for (io.athanor.orm.internal.meta.RelationshipModel r : e.model.relationships()) {
            if (r.cascade().contains(cascade)) {
                Object value = r.accessor().get(e.instance);
                if (value instanceof io.athanor.orm.DynamicCollection) {
                    value = ((io.athanor.orm.DynamicCollection<?>) value).list();
                } else if (value instanceof io.athanor.orm.internal.proxy.Proxied && !Loading.isLoaded(value)) {
                    Loading.load(value);
                }
                if (value instanceof java.util.Collection) {
                    for (Object child : List.copyOf((java.util.Collection<?>) value)) {
                        if (child != null) {
                            action.accept(child);
                        }
                    }
                } else if (value != null) {
                    action.accept(value);
                }
            }
        }
    }

    /**
     * Writes what changed since the last flush: cascades, orphans and moved children first, then the rows in
     * dependency order, then link rows. On failure, puts every entry and instance back as it was before and
     * rethrows; the caller rolls the transaction back.
     *
     * @param count whether to return the number of entities written
     * @return how many entities were new, changed or deleted, when counted; else 0 (nothing written) or 1
     */
    public int flush(boolean count) {
        // Only what can have changed: new and deleted entries, those of classes that do not report writes, and
        // those that reported one. What the steps before the writes add, delete or change joins them.
        List<EntityEntry> visit = map.toVisit();
        int mark = map.visitMark();
        EntityModel lastModel = null;
        io.athanor.orm.internal.meta.RelationshipModel[] cascades = null;
        boolean anyCascades = false;
        for (Object m : map.listedModels()) { // decided once per flush for every class the session has held
            anyCascades |= context.plan((EntityModel) m).persistCascades.length > 0;
        }
        for (int i = 0; anyCascades && i < visit.size(); i++) {
            EntityEntry e = visit.get(i);
            if (e.model != lastModel) {
                lastModel = e.model;
                cascades = context.plan(lastModel).persistCascades;
            }
            if (cascades.length > 0 && e.status() != EntityEntry.Status.DELETED) {
                for (io.athanor.orm.internal.meta.RelationshipModel r : cascades) {
                    cascadePersist(e, r);
                }
            }
        }
        if (walk == null) {
            walk = new FlushWalk(this, context, map);
        }
        List<EntityEntry> walked = walk.walk(visit);
        List<EntityEntry> before = visit;
        visit = map.visitSince(mark, visit);
        if (context.sharded()) {
            ShardAssigner.assign(map, visit, context::chooseShard);
        }
        mark = map.visitMark();
        ParentDeletes parentDeletes = ParentDeletes.prepare(this, context, map, loader,
                walked == null || visit != before ? visit : List.of());
        visit = map.visitSince(mark, visit);
        // no class held owns a many-to-many: no link row to write, and no entry to look at for one. Decided only
        // now: the cascades and deletes above can have brought in the first instance of a class that owns one.
        boolean anyLinks = false;
        for (Object m : map.listedModels()) {
            anyLinks |= LinkWriter.ownsLinks((EntityModel) m);
        }
        LinkWriter links = new LinkWriter(map, context.metadata(), anyLinks ? visit : List.of(), context.batchSize());
        // The walk's comparisons stand when nothing was deleted and no entry appeared since (new ones, or shards chosen)
        List<EntityEntry> changed;
        if (walked != null && visit == before && !context.sharded()) {
            changed = walked;
            stats().visited += visit.size();
            stats().compared += walk.compared;
        } else {
            changed = changedEntries(visit);
        }
        stats().flushes++;
        if (changed.isEmpty() && !links.hasWork()) {
            links.written();
            return 0;
        }
        // Only the entries written can change: those are saved and restored, the others stay as they are.
        List<Object[]> saved = new ArrayList<>(changed.size());
        for (EntityEntry e : changed) {
            saved.add(new Object[] {e.status(), e.snapshot, e.id(), versionOf(e)});
        }
        IdentityMap.KeptListing listed = map.keepListing(); // copied only if an entry leaves the session
        int undoMark = undo().mark();
        try {
            Writers writers = new Writers(this, context::transaction, beforeUpdates(changed));
            new WriteOrder(this, writers).write(changed);
            writers.writeLinks(links);
            links.written();
            for (EntityEntry e : changed) {
                e.keyAssigned = false;
            }
        } catch (RuntimeException failure) {
            undo().truncate(undoMark);
            parentDeletes.undo();
            restore(changed, saved);
            map.reset(map.listing(listed));
            throw failure;
        } finally {
            map.release(listed); // no-op after a failure: listing() released it
        }
        return count ? changed.size() : 1;
    }

    /**
     * Runs the {@code PreUpdate} callbacks (and sets {@code @UpdatedAt}) of the changed instances of entities that
     * have any, before their UPDATEs are built, so what they set is written too; returns those instances.
     */
    private java.util.Set<EntityEntry> beforeUpdates(List<EntityEntry> changedEntries) {
        java.util.Set<EntityEntry> updated = null;
        for (EntityEntry e : changedEntries) {
            if (e.status() == EntityEntry.Status.PERSISTENT && e.model.callbacks().watchesUpdates()) {
                e.model.callbacks().preUpdate(e.instance);
                if (updated == null) {
                    updated = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                }
                updated.add(e);
            }
        }
        return updated == null ? java.util.Set.of() : updated;
    }

    /**
     * The entries a flush writes, in the session's order: new and deleted ones, and held ones whose fields
     * differ from their snapshot (each compared once, without building its row).
     */
    private List<EntityEntry> changedEntries(List<EntityEntry> entries) {
        List<EntityEntry> changed = new ArrayList<>();
        EntityModel lastModel = null;
        WritePlan plan = null;
        int n = entries.size();
        long compared = 0;
        for (int i = 0; i < n; i++) {
            EntityEntry e = entries.get(i);
            if (e.status() != EntityEntry.Status.PERSISTENT) {
                changed.add(e);
                continue;
            }
            if (e.model != lastModel) {
                lastModel = e.model;
                plan = context.plan(lastModel);
            }
            compared++;
            if (plan.differs(e)) {
                changed.add(e);
            }
        }
        stats().visited += n;
        stats().compared += compared;
        return changed;
    }

    /**
     * The first held instance changed in memory, found as a flush finds what to write ({@link MemoryChanges});
     * {@code null} if none. What a read-only session, which writes nothing, refuses.
     */
    public EntityEntry firstChangedInMemory() {
        return MemoryChanges.first(context, map);
    }

    /** Makes the next flush compare every held instance, also those that reported no write (the flush of a commit). */
    public void allChanged() {
        map.allChanged();
    }

    /** What this unit of work's flushes have looked at so far. */
    public FlushStats stats() {
        if (stats == null) {
            stats = new FlushStats();
        }
        return stats;
    }

    private static Object versionOf(EntityEntry e) {
        PropertyModel v = e.model.version();
        return v == null ? null : v.accessor().get(e.instance);
    }

    /** Puts the entries a failed flush wrote back as they were before it: status, snapshot, keys it assigned, versions it bumped. */
    private void restore(List<EntityEntry> written, List<Object[]> saved) {
        for (int i = 0; i < written.size(); i++) {
            EntityEntry e = written.get(i);
            Object[] s = saved.get(i);
            e.status((EntityEntry.Status) s[0]);
            e.snapshot = (Object[]) s[1];
            e.restoreId(s[2]);
            if (e.keyAssigned) {
                for (PropertyModel id : e.model.idProperties()) {
                    if (id.generation() != null) {
                        id.accessor().set(e.instance, null);
                    }
                }
                e.keyAssigned = false;
            }
            int[] dbSet = context.plan(e.model).generatedAlways;
            if (e.status() == EntityEntry.Status.PERSISTENT && e.snapshot != null && dbSet.length > 0) {
                for (int c : dbSet) { // values an undone UPDATE read back
                    context.plan(e.model).columns.get(c).property.accessor().set(e.instance, e.snapshot[c]);
                }
            }
            if (e.status() == EntityEntry.Status.NEW) {
                e.forgetServerDefaults();
                e.shard = null; // chosen again at the next flush
            }
            if (e.model.version() != null) {
                e.model.version().accessor().set(e.instance, s[3]);
            }
        }
    }

    // ---- PersistenceContext: the identity map's side of a flush ----

    @Override
    public Metadata metadata() {
        return context.metadata();
    }

    @Override
    public WritePlan plan(EntityModel model) {
        return context.plan(model);
    }

    @Override
    public int batchSize() {
        return context.batchSize();
    }

    @Override
    public Object nextSequenceValue(PropertyModel id, Connection connection) {
        return context.nextSequenceValue(id, connection);
    }

    @Override
    public void registered(EntityEntry entry, EntityKey key) {
        map.keyed(entry, key);
        undo().inserted(entry);
    }

    @Override
    public void updating(EntityEntry entry) {
        undo().updating(entry);
    }

    @Override
    public void forgetAll(List<EntityEntry> deleted) {
        for (EntityEntry e : deleted) {
            undo().deleted(e);
            map.markDeleted(e.instance);
            leaveParents(e);
        }
        map.forgetAll(deleted);
    }

    /**
     * Takes an instance whose row was deleted out of the loaded collections and one-to-one references of its
     * parents, so that no cascade finds it there and inserts it again.
     */
    private void leaveParents(EntityEntry e) {
        for (io.athanor.orm.internal.meta.RelationshipModel r : e.model.relationships()) {
            io.athanor.orm.internal.meta.RelationshipModel back = r.inverse();
            if (!r.owning() || r.toMany() || back == null) {
                continue;
            }
            Object parent = r.accessor().get(e.instance);
            EntityEntry p = parent == null ? null : map.entryOf(parent);
            if (p == null || p.hollow) {
                continue;
            }
            if (back.toMany()) {
                Object children = back.accessor().get(parent);
                if (!(children instanceof LazyValue) || ((LazyValue) children).isLoaded()) {
                    Associations.rawRemove(children, e.instance);
                }
                if (p.loadedElements() != null && p.loadedElements().get(back.name()) != null) {
                    p.loadedElements().get(back.name()).removeIf(x -> x == e.instance);
                }
            } else if (back.accessor().get(parent) == e.instance) {
                back.accessor().set(parent, null);
            }
        }
    }

    /** Forgets every instance, and what a rollback would have put back (session.clear()). */
    public void clear() {
        map.clear();
        if (undo != null) {
            undo.clear();
        }
    }

    /** The session closes: lets go of every instance at once (see {@link IdentityMap#close}) and of what a rollback would put back. */
    public void close() {
        map.close();
        undo = null;
    }

    private TransactionUndo undo() {
        if (undo == null) {
            undo = new TransactionUndo(map, context, loader);
        }
        return undo;
    }

    public static void refuseView(EntityModel model) {
        if (model.isView()) {
            throw new AthanorException(model.name() + " is a materialized view: its rows come from its query and cannot be "
                    + "written. Change the tables it reads, then sessions.refresh(" + model.name() + ".class).");
        }
    }

    /** After a commit: nothing is undone any more; every instance expires where the factory says so. */
    public void afterCommit(boolean expire) {
        if (expire) {
            for (EntityEntry e : map.entries()) {
                if (e.status() == EntityEntry.Status.PERSISTENT) {
                    e.expired = true;
                }
            }
        }
        if (undo != null) {
            undo.clear();
        }
    }

    /**
     * After the database rolled back: every instance the session keeps holds what the database holds again
     * (fields put back from the state as of the transaction's start, loaded collections lazy again), deleted
     * ones come back, and instances the transaction inserted or never flushed are transient again.
     */
    public void afterRollback() {
        undo().rollbackTo(0); // puts back every held instance's fields, logged or not
        map.allChanged();
    }

    /** Where a savepoint begins, for {@link #rollbackTo}. */
    public int mark() {
        return undo == null ? 0 : undo.mark();
    }

    /** After the database rolled back to a savepoint: the session as it was at {@code mark}. */
    public void rollbackTo(int mark) {
        undo().rollbackTo(mark);
        map.allChanged();
    }
}

package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.sync.Associations;
import java.util.ArrayList;
import java.util.List;

/**
 * A flush's first pass over what it visits: the orphans of loaded collections, new children shown in their
 * parents' loaded collections, children moved between parents, and each held instance compared with its snapshot.
 * One per unit of work; its thread only.
 */
final class FlushWalk {
    private final UnitOfWork work;
    private final FlushContext context;
    private final IdentityMap map;
    /** How many instances the last {@link #walk} compared with their snapshots. */
    long compared;

    FlushWalk(UnitOfWork work, FlushContext context, IdentityMap map) {
        this.work = work;
        this.context = context;
        this.map = map;
    }

    /**
     * The walk a flush makes over the entries it visits before ParentDeletes, in one pass: deletes elements removed
     * from loaded orphan-removal collections, adds new children to their parent's loaded collection, moves loaded
     * children whose parent field changed, and compares each held instance with its snapshot. Returns the entries
     * that walk found to write, in the session's order, or {@code null} when the flush must compare them again
     * (something deleted, or an entry it could not compare).
     */
    List<EntityEntry> walk(List<EntityEntry> visit) {
        EntityModel lastModel = null;
        WritePlan plan = null;
        List<EntityEntry> changed = new ArrayList<>();
        boolean complete = true;
        long deletesBefore = work.deletes();
        long compared = 0;
        int n = visit.size();
        for (int i = 0; i < n; i++) {
            EntityEntry e = visit.get(i);
            if (e.model != lastModel) {
                lastModel = e.model;
                plan = context.plan(lastModel);
            }
            if (e.status() == EntityEntry.Status.PERSISTENT && e.loadedElements() != null) {
                removeOrphans(e);
            }
            if (e.status() == EntityEntry.Status.NEW) {
                changed.add(e);
                for (RelationshipModel r : plan.parentCollections) {
                    Object parent = r.accessor().get(e.instance);
                    EntityEntry p = parent == null ? null : map.entryOf(parent);
                    if (p != null && p.isLoaded(r.inverse().name())) {
                        Associations.rawAdd(r.inverse().accessor().get(parent), e.instance);
                    }
                }
            } else if (e.status() != EntityEntry.Status.PERSISTENT) {
                changed.add(e);
                complete = false; // ParentDeletes may change the others
            } else if (e.snapshot == null || e.hollow) {
                complete = false;
            } else {
                compared++;
                // an unchanged row has the same parent keys, so moved nothing, but for a to-one nulled beside a key field
                if (plan.differs(e)) {
                    changed.add(e);
                    if (plan.parentLinks.length > 0) {
                        movedBetweenParents(e, plan, false);
                    }
                } else if (plan.parentLinksShared && plan.heldSharedParentLink(e)) {
                    movedBetweenParents(e, plan, true);
                }
            }
        }
        this.compared = compared;
        return complete && work.deletes() == deletesBefore ? changed : null;
    }

    /** Deletes the elements removed from {@code e}'s loaded orphan-removal collections, and notes them as loaded now. */
    private void removeOrphans(EntityEntry e) {
        for (RelationshipModel r : e.model.relationships()) {
            List<Object> before = e.loadedElements().get(r.name());
            if (before == null) {
                continue;
            }
            java.util.Collection<?> now = (java.util.Collection<?>) r.accessor().get(e.instance);
            for (Object child : before) {
                if (isOrphan(map, child, r, e.instance, now)) {
                    work.delete(child);
                }
            }
            e.loadedElements().put(r.name(), now == null ? new ArrayList<>() : new ArrayList<>(now));
        }
    }

    /**
     * A loaded child whose parent field was changed without the other side being told (a plain class's
     * setter): leaves the old parent's collection and joins the new one's, as it will in the database. With
     * {@code onlyNulledShared} (the instance compared unchanged), looks only at to-ones that held a parent and share
     * their column with a key field.
     */
    private void movedBetweenParents(EntityEntry e, WritePlan plan, boolean onlyNulledShared) {
        List<WritePlan.Column> columns = plan.columns; // foreign keys and their targets, worked out once
        for (int i : plan.parentLinks) {
            WritePlan.Column c = columns.get(i);
            RelationshipModel r = c.relation;
            if (onlyNulledShared && (c.property == null || !plan.heldToOne(i, e))) {
                continue; // the comparison found this column as it was
            }
            Object parent = r.accessor().get(e.instance);
            if (parent == null && !plan.heldToOne(i, e)) {
                continue; // never set up: not a change
            }
            Object oldKey = e.snapshot[i];
            Object newKey = parent == null ? null : c.referencedKey.accessor().get(parent);
            boolean unchanged = parent == null ? oldKey == null : newKey != null && newKey.equals(oldKey);
            if (unchanged) {
                continue;
            }
            EntityEntry old = oldKey == null ? null : map.get(context.metadata().entity(r.target()).rootType(), oldKey, e.shard);
            if (old != null && old.instance != parent) {
                Associations.rawRemove(r.inverse().accessor().get(old.instance), e.instance);
            }
            if (parent != null) {
                Associations.rawAdd(r.inverse().accessor().get(parent), e.instance);
            }
        }
    }

    /**
     * Whether {@code child}, loaded into {@code parent}'s orphan-removal collection {@code r}, is an orphan now: gone
     * from the collection ({@code now}), still persistent, and not moved to another parent. A flush deletes it.
     */
    static boolean isOrphan(IdentityMap map, Object child, RelationshipModel r, Object parent, java.util.Collection<?> now) {
        if (now != null && now.stream().anyMatch(x -> x == child)) {
            return false;
        }
        EntityEntry c = map.entryOf(child);
        return c != null && c.status() == EntityEntry.Status.PERSISTENT && !movedElsewhere(child, r, parent);
    }

    /** Whether a child taken out of {@code parent}'s collection now belongs to another parent (so is no orphan). */
    private static boolean movedElsewhere(Object child, RelationshipModel r, Object parent) {
        if (r.inverse() == null || r.inverse().toMany()) {
            return false;
        }
        Object now = r.inverse().accessor().get(child);
        return now != null && now != parent;
    }
}

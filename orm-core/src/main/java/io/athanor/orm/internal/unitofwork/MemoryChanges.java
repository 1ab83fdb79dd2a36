package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.persistence.LinkWriter;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import java.util.Collection;
import java.util.List;

/**
 * What a read-only session refuses: a held instance changed in memory, found the way a read-write flush finds what to
 * write, without writing anything: its columns against its snapshot, elements taken out of a loaded orphan-removal
 * collection, instances the session does not hold that a PERSIST cascade would add, and the links of a loaded owning
 * many-to-many collection.
 * Loads nothing (an unloaded relationship holds no change). One session's; its thread only.
 */
final class MemoryChanges {
    private MemoryChanges() {
    }

    /** The first held instance (or the owner of the first collection) changed in memory; {@code null} if none. */
    static EntityEntry first(FlushContext context, IdentityMap map) {
        List<EntityEntry> held = map.entries();
        EntityModel last = null;
        WritePlan plan = null;
        for (int i = 0, n = held.size(); i < n; i++) {
            EntityEntry e = held.get(i);
            if (e.status() != EntityEntry.Status.PERSISTENT || e.snapshot == null || e.hollow) {
                continue;
            }
            if (e.model != last) {
                last = e.model;
                plan = context.plan(last);
            }
            if (plan.differs(e) || orphanTakenOut(e, map) || newInstanceCascaded(e, map)) {
                return e;
            }
        }
        return ownsLinks(held) ? new LinkWriter(map, context.metadata(), held, 0).firstChangedOwner() : null;
    }

    /** Whether a class of {@code held} owns a many-to-many collection (one pass over the classes, as they change). */
    private static boolean ownsLinks(List<EntityEntry> held) {
        EntityModel last = null;
        for (int i = 0, n = held.size(); i < n; i++) {
            EntityModel m = held.get(i).model;
            if (m != last) {
                last = m;
                if (LinkWriter.ownsLinks(m)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an element of a loaded orphan-removal collection of {@code e} is gone from it (a flush would delete it). */
    private static boolean orphanTakenOut(EntityEntry e, IdentityMap map) {
        if (e.loadedElements() == null) {
            return false;
        }
        for (RelationshipModel r : e.model.relationships()) {
            List<Object> before = e.loadedElements().get(r.name());
            if (before == null) {
                continue;
            }
            Collection<?> now = (Collection<?>) r.accessor().get(e.instance);
            for (Object child : before) {
                if (FlushWalk.isOrphan(map, child, r, e.instance, now)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code e} holds, through a relationship that cascades PERSIST, an instance a flush's cascade would add. */
    private static boolean newInstanceCascaded(EntityEntry e, IdentityMap map) {
        for (RelationshipModel r : e.model.relationships()) {
            if (r.cascade().contains(CascadeType.PERSIST)) {
                for (Object v : UnitOfWork.cascadeReach(e.instance, r)) {
                    if (UnitOfWork.addedByCascade(map, v)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

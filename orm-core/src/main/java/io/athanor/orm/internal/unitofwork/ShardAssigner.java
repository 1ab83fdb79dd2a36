package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LazyValue;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Places a flush's new instances in shards before anything is written: a new instance follows its parent (a
 * to-one it refers to, or the owner of a collection it was added to), and one without a parent goes where the
 * shard chooser says. Then refuses any relationship between instances of two shards, naming both.
 */
final class ShardAssigner {
    private final IdentityMap map;
    private final Function<Object, String> chooser;
    /** For each instance held in a loaded collection: the entry that holds it. */
    private final Map<Object, EntityEntry> heldBy = new IdentityHashMap<>();

    private ShardAssigner(IdentityMap map, Function<Object, String> chooser) {
        this.map = map;
        this.chooser = chooser;
    }

    static void assign(IdentityMap map, List<EntityEntry> entries, Function<Object, String> chooser) {
        ShardAssigner a = new ShardAssigner(map, chooser);
        for (EntityEntry e : entries) {
            if (e.status() == EntityEntry.Status.DELETED || e.hollow) {
                continue;
            }
            for (RelationshipModel r : e.model.relationships()) {
                if (r.toMany()) {
                    for (Object child : loaded(r, e.instance)) {
                        a.heldBy.putIfAbsent(child, e);
                    }
                }
            }
        }
        for (EntityEntry e : entries) {
            if (e.status() == EntityEntry.Status.NEW && e.shard == null) {
                a.place(e, new IdentityHashMap<>());
            }
        }
        for (EntityEntry e : entries) {
            if (e.status() != EntityEntry.Status.DELETED && !e.hollow) {
                a.check(e);
            }
        }
    }

    /** Gives {@code e} its parent's shard (placing the parent first), or the chooser's. */
    private String place(EntityEntry e, Map<Object, Boolean> visiting) {
        if (e.shard != null || e.status() != EntityEntry.Status.NEW) {
            return e.shard;
        }
        visiting.put(e.instance, Boolean.TRUE);
        EntityEntry parent = parentOf(e);
        String shard = parent != null && !visiting.containsKey(parent.instance) ? place(parent, visiting) : null;
        e.shard = shard != null ? shard : chooser.apply(e.instance);
        return e.shard;
    }

    private EntityEntry parentOf(EntityEntry e) {
        for (RelationshipModel r : e.model.relationships()) {
            if (r.owning() && !r.toMany()) {
                Object parent = r.accessor().get(e.instance);
                EntityEntry p = parent == null ? null : map.entryOf(parent);
                if (p != null && p != e && p.status() != EntityEntry.Status.DELETED) {
                    return p;
                }
            }
        }
        EntityEntry holder = heldBy.get(e.instance);
        return holder != e ? holder : null;
    }

    private void check(EntityEntry e) {
        for (RelationshipModel r : e.model.relationships()) {
            if (r.toMany()) {
                for (Object child : loaded(r, e.instance)) {
                    refuseAcross(e, r, map.entryOf(child));
                }
            } else {
                Object other = r.accessor().get(e.instance);
                if (other != null) {
                    refuseAcross(e, r, map.entryOf(other));
                }
            }
        }
    }

    private static void refuseAcross(EntityEntry e, RelationshipModel r, EntityEntry other) {
        if (other == null || other.shard == null || e.shard == null || Objects.equals(e.shard, other.shard)) {
            return;
        }
        throw new AthanorException(describe(e) + " (shard '" + e.shard + "') is related to " + describe(other) + " (shard '"
                + other.shard + "') through " + r + ", but a relationship cannot cross shards: each shard is its own "
                + "database, and the foreign key would point at another row there. Nothing was written. Relate instances "
                + "of one shard (a new child takes its parent's shard when its shard is not chosen yet), or copy the "
                + "related row into shard '" + e.shard + "'.");
    }

    private static String describe(EntityEntry e) {
        return e.model.name() + (e.hasKey() ? " " + e.id() : " (new)");
    }

    private static Collection<?> loaded(RelationshipModel r, Object instance) {
        Object value = r.accessor().get(instance);
        if (!(value instanceof Collection<?> c) || value instanceof LazyValue && !((LazyValue) value).isLoaded()) {
            return List.of();
        }
        return c;
    }
}

package io.athanor.orm.internal.session;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.RowLoader;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import java.util.function.Function;

/**
 * A session's {@code refresh(entity)}: reads the row again into a copy (the identity map's key set aside meanwhile),
 * copies it onto the user's instance, which takes a fresh entry, and runs the {@code PostLoad} callbacks on that
 * instance once, after the read's loaders. One session's; its thread only.
 */
final class SessionRefresh {
    private SessionRefresh() {
    }

    /**
     * Refreshes {@code entity}, whose entry is {@code e}; {@code read} reads a row of {@code e}'s entity by key on
     * {@code e}'s shard, through the session.
     *
     * @throws AthanorException if the row no longer exists
     */
    static void refresh(IdentityMap map, RowLoader loader, EntityEntry e, Object entity, Function<EntityEntry, Object> read) {
        map.removeKey(e.key());
        int mark = loader.beginLoad();
        boolean completed = false;
        try {
            Object reloaded;
            try {
                reloaded = read.apply(e);
            } finally {
                if (!map.holdsKey(e.key())) {
                    map.putKey(e);
                }
            }
            if (reloaded == null) {
                throw new AthanorException("The row of " + e.model.name() + " " + e.id() + " no longer exists.");
            }
            map.forget(e);
            EntityEntry loaded = map.entryOf(reloaded);
            map.forget(loaded);
            e.model.assigner().copy(reloaded, entity, i -> true);
            EntityEntry fresh = new EntityEntry(entity, e.model, e.key(), EntityEntry.Status.PERSISTENT, loaded.snapshot);
            fresh.toOnesSet = e.toOnesSet | loaded.toOnesSet;
            fresh.keepRelationshipsOf(e);
            map.add(fresh);
            loader.postLoadOn(reloaded, entity);   // the callbacks run on the user's instance, once it holds the row
            completed = true;
        } finally {
            loader.endLoad(mark, completed);
        }
    }
}

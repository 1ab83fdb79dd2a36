package io.athanor.orm.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a session holds: one entry per instance, found by instance (identity) or by entity key, and the
 * entries in the order the session met them (the order a flush visits them). One session's, one thread's.
 */
public final class IdentityMap {
    private final Map<EntityKey, EntityEntry> byKey = new HashMap<>();
    private final Map<Object, EntityEntry> byInstance = new IdentityHashMap<>();
    /** New and deleted entries, and every loaded one, in the order the session met them; hollow references are not listed. */
    private final List<EntityEntry> entries = new ArrayList<>();
    /** Instances whose rows this session deleted: never inserted again by a cascade (made on first use). */
    private Set<Object> deleted;

    public EntityEntry get(EntityKey key) {
        return byKey.get(key);
    }

    public EntityEntry entryOf(Object instance) {
        return byInstance.get(instance);
    }

    public boolean holds(Object instance) {
        return byInstance.containsKey(instance);
    }

    public boolean holdsKey(EntityKey key) {
        return byKey.containsKey(key);
    }

    /** The listed entries, live: callers that change the map while walking them iterate a copy. */
    public List<EntityEntry> entries() {
        return entries;
    }

    /** Registers and lists an entry (found by its key too, when it has one). */
    public void add(EntityEntry e) {
        if (deleted != null) {
            deleted.remove(e.instance);
        }
        byInstance.put(e.instance, e);
        if (e.key != null) {
            byKey.put(e.key, e);
        }
        entries.add(e);
    }

    /** Registers an entry without listing it: a hollow lazy reference. */
    public void addUnlisted(EntityEntry e) {
        byInstance.put(e.instance, e);
        byKey.put(e.key, e);
    }

    /** Lists an entry registered unlisted, once its row is read. */
    public void list(EntityEntry e) {
        entries.add(e);
    }

    /** Gives an entry its (new) key. */
    public void keyed(EntityEntry e, EntityKey key) {
        e.key = key;
        byKey.put(key, e);
    }

    public void putKey(EntityKey key, EntityEntry e) {
        byKey.put(key, e);
    }

    public void removeKey(EntityKey key) {
        byKey.remove(key);
    }

    /** Takes one entry out of the session. */
    public void forget(EntityEntry e) {
        byInstance.remove(e.instance);
        if (e.key != null && byKey.get(e.key) == e) {
            byKey.remove(e.key);
        }
        entries.remove(e);
    }

    /** Takes entries out of the session, in one pass over the list. */
    public void forgetAll(Collection<EntityEntry> gone) {
        if (gone.isEmpty()) {
            return;
        }
        Set<EntityEntry> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntityEntry e : gone) {
            set.add(e);
            byInstance.remove(e.instance);
            if (e.key != null && byKey.get(e.key) == e) {
                byKey.remove(e.key);
            }
        }
        entries.removeIf(set::contains);
    }

    /** Replaces the whole content with {@code listed}, in that order (after a failed flush). */
    public void reset(List<EntityEntry> listed) {
        byKey.clear();
        byInstance.clear();
        entries.clear();
        for (EntityEntry e : listed) {
            add(e);
        }
    }

    /** Notes that {@code instance}'s row was deleted by this session (a rollback that brings it back un-notes it). */
    public void markDeleted(Object instance) {
        if (deleted == null) {
            deleted = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        deleted.add(instance);
    }

    /** Whether this session deleted {@code instance}'s row and has not brought it back. */
    public boolean wasDeleted(Object instance) {
        return deleted != null && deleted.contains(instance);
    }

    public void clear() {
        deleted = null;
        byKey.clear();
        byInstance.clear();
        entries.clear();
    }
}

package io.athanor.orm.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a session holds: one entry per instance, found by instance (identity) or by entity key, and the
 * entries in the order the session met them (the order a flush visits them). One session's, one thread's.
 */
public final class IdentityMap {
    /** The entries found by key: holds the entries themselves, so a loaded row makes no key object or node. */
    private final KeyTable byKey = new KeyTable();
    /** The entries found by instance (identity): one slot each, and sized small until a session holds more. */
    private final InstanceTable byInstance = new InstanceTable();
    /** New and deleted entries, and every loaded one, in the order the session met them; hollow references are not listed. */
    private final List<EntityEntry> entries = new ArrayList<>();
    /** Instances whose rows this session deleted: never inserted again by a cascade (made on first use). */
    private Set<Object> deleted;
    /** Listed entries a flush compares every time (their classes do not report writes), in listing order; may hold forgotten ones. */
    private final List<EntityEntry> compared = new ArrayList<>();
    /** Whether an entry of {@link #compared} may have stopped being held or started being tracked since its last cleaning. */
    private boolean comparedStale;
    /** Whether {@link #compared} is in listing order (it is, but after an entry went back to comparing). */
    private boolean comparedSorted = true;
    /** Tracked entries that reported a write (or were listed) since the last {@link #toVisit}. */
    private List<EntityEntry> written = new ArrayList<>();
    private long listings;
    public EntityEntry get(EntityKey key) {
        return byKey.get(key.type(), key.id(), key.shard());
    }

    /** {@code get(new EntityKey(type, id, shard))} without making the key: a loader looks up every row it reads. */
    public EntityEntry get(Class<?> type, Object id, String shard) {
        return byKey.get(type, id, shard);
    }

    public EntityEntry entryOf(Object instance) {
        return byInstance.get(instance);
    }

    public boolean holds(Object instance) {
        return byInstance.get(instance) != null;
    }

    public boolean holdsKey(EntityKey key) {
        return get(key) != null;
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
        hold(e);
        if (e.hasKey()) {
            byKey.put(e);
        }
        entries.add(e);
        listed(e);
    }

    /** Finds {@code e} by its instance from now on (an entry it replaces is no longer held). */
    private void hold(EntityEntry e) {
        EntityEntry before = byInstance.put(e);
        if (before != null && before != e) {
            before.set(EntityEntry.HELD, false);
            noteStale(before);
        }
        e.set(EntityEntry.HELD, true);
    }

    /** Registers an entry without listing it: a hollow lazy reference. */
    public void addUnlisted(EntityEntry e) {
        hold(e);
        byKey.put(e);
    }

    /** Lists an entry registered unlisted, once its row is read. */
    public void list(EntityEntry e) {
        entries.add(e);
        listed(e);
    }

    /**
     * Starts following a newly listed entry: an instance of a class that reports its writes gets this entry as
     * the one to tell (taken from any other entry still following it, which goes back to comparing), and is
     * visited by the next flush; any other joins the entries every flush compares.
     */
    private void listed(EntityEntry e) {
        e.listedAt = listings++;
        if (e.model.writesTracked() && e.instance instanceof io.athanor.orm.enhance.Tracked) {
            io.athanor.orm.enhance.Tracked t = (io.athanor.orm.enhance.Tracked) e.instance;
            Object before = t.athanor$entry();
            if (before instanceof EntityEntry && before != e) {
                ((EntityEntry) before).untrack();
            }
            t.athanor$entry(e);
            noteStale(e);
            e.map = this;
            e.set(EntityEntry.TRACKED, true);
            e.changed();
        } else {
            e.set(EntityEntry.TRACKED, false);
            compare(e);
        }
    }

    private void compare(EntityEntry e) {
        if (!e.is(EntityEntry.IN_COMPARED)) {
            e.set(EntityEntry.IN_COMPARED, true);
            if (!compared.isEmpty() && compared.get(compared.size() - 1).listedAt > e.listedAt) {
                comparedSorted = false;
            }
            compared.add(e);
        }
    }

    /** Notes that {@code e} may no longer belong among the entries compared at every flush. */
    private void noteStale(EntityEntry e) {
        if (e.is(EntityEntry.IN_COMPARED)) {
            comparedStale = true;
        }
    }

    /** Empties the lists of entries to visit (their flags too). */
    private void dropVisits() {
        for (int i = 0; i < compared.size(); i++) {
            compared.get(i).set(EntityEntry.IN_COMPARED, false);
        }
        compared.clear();
        comparedStale = false;
        comparedSorted = true;
        if (!written.isEmpty()) {
            for (EntityEntry e : written) {
                e.set(EntityEntry.WRITTEN, false);
            }
            written = new ArrayList<>();
        }
    }

    /** Called by a tracked entry on its first reported write since the last flush. */
    void written(EntityEntry e) {
        written.add(e);
    }

    /** Another entry took over the instance's reports: this one is compared at every flush from now on. */
    void untrackIn(EntityEntry e) {
        compare(e);
    }

    /** Stops an instance reporting its writes to {@code e}, which the session no longer holds. */
    private static void unhook(EntityEntry e) {
        if (e.tracked()) {
            io.athanor.orm.enhance.Tracked t = (io.athanor.orm.enhance.Tracked) e.instance;
            if (t.athanor$entry() == e) {
                t.athanor$entry(null);
            }
        }
    }

    /**
     * The entries a flush must look at, in listing order: every held entry whose class does not report writes,
     * and the tracked ones listed or written since the last call (which are then taken: a write from now on
     * lists them again). New and deleted entries are always among them.
     */
    public List<EntityEntry> toVisit() {
        if (!comparedStale && comparedSorted && written.isEmpty()) {
            return new ArrayList<>(compared); // every one held and compared, in order: copied without a look at each
        }
        List<EntityEntry> out = new ArrayList<>(compared.size() + written.size());
        int kept = 0;
        for (int i = 0; i < compared.size(); i++) {
            EntityEntry e = compared.get(i);
            if (!e.tracked() && e.is(EntityEntry.HELD)) {
                compared.set(kept++, e);
                out.add(e);
            } else {
                e.set(EntityEntry.IN_COMPARED, false);
            }
        }
        compared.subList(kept, compared.size()).clear();
        comparedStale = false;
        boolean both = !out.isEmpty();
        List<EntityEntry> taken = written;
        written = new ArrayList<>();
        for (EntityEntry e : taken) {
            e.set(EntityEntry.WRITTEN, false);
            if (e.tracked() && e.is(EntityEntry.HELD)) {
                out.add(e);
            }
        }
        if (both && !taken.isEmpty() || !inOrder(out)) {
            out.sort(java.util.Comparator.comparingLong(x -> x.listedAt));
        }
        return out;
    }

    /** Where the entries compared at every flush end: new ones listed after it are found by {@link #visitSince}. */
    public int visitMark() {
        return compared.size();
    }

    /**
     * The entries to look at that appeared since {@code mark} (listed, or written, or deleted while a flush
     * prepared), added to {@code visit} in listing order; {@code visit} itself when there are none.
     */
    public List<EntityEntry> visitSince(int mark, List<EntityEntry> visit) {
        if (written.isEmpty() && compared.size() == mark) {
            return visit;
        }
        Set<EntityEntry> extra = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = mark; i < compared.size(); i++) {
            EntityEntry e = compared.get(i);
            if (!e.tracked() && byInstance.get(e.instance) == e) {
                extra.add(e);
            }
        }
        List<EntityEntry> taken = written;
        written = new ArrayList<>();
        for (EntityEntry e : taken) {
            e.set(EntityEntry.WRITTEN, false);
            if (e.tracked() && byInstance.get(e.instance) == e) {
                extra.add(e);
            }
        }
        if (extra.isEmpty()) {
            return visit;
        }
        List<EntityEntry> out = new ArrayList<>(visit.size() + extra.size());
        for (EntityEntry e : visit) {
            if (!extra.contains(e)) {
                out.add(e);
            }
        }
        out.addAll(extra);
        out.sort(java.util.Comparator.comparingLong(x -> x.listedAt));
        return out;
    }

    private static boolean inOrder(List<EntityEntry> list) {
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1).listedAt > list.get(i).listedAt) {
                return false;
            }
        }
        return true;
    }

    /** Notes every held entry as possibly changed (after a rollback put fields back): the next flush compares them all. */
    public void allChanged() {
        for (EntityEntry e : entries) {
            e.changed();
        }
    }

    /** Gives an entry its (new) key. */
    public void keyed(EntityEntry e, EntityKey key) {
        e.setKey(key);
        byKey.put(e);
    }

    /** Finds {@code e} by its key again (in place of any other entry with that key); {@code e} must have a key. */
    public void putKey(EntityEntry e) {
        byKey.put(e);
    }

    /** Stops finding the entry with {@code key} by it, if there is one. */
    public void removeKey(EntityKey key) {
        EntityEntry e = get(key);
        if (e != null) {
            byKey.remove(e);
        }
    }

    /** Takes one entry out of the session. */
    public void forget(EntityEntry e) {
        unhook(e);
        if (byInstance.get(e.instance) == e) {
            byInstance.remove(e.instance);
            e.set(EntityEntry.HELD, false);
            noteStale(e);
        }
        byKey.remove(e);
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
            unhook(e);
            if (byInstance.get(e.instance) == e) {
                byInstance.remove(e.instance);
                e.set(EntityEntry.HELD, false);
                noteStale(e);
            }
            byKey.remove(e);
        }
        entries.removeIf(set::contains);
    }

    /** Replaces the whole content with {@code listed}, in that order (after a failed flush). */
    public void reset(List<EntityEntry> listed) {
        dropVisits();
        byInstance.forEach(e -> e.set(EntityEntry.HELD, false));
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
        byInstance.forEach(e -> {
            unhook(e);
            e.set(EntityEntry.HELD, false);
        });
        dropVisits();
        deleted = null;
        byKey.clear();
        byInstance.clear();
        entries.clear();
    }
}

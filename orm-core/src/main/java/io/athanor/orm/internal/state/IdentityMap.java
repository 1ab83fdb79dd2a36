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
    /** Where {@link #compared} starts (a session that only reads tracked classes, or nothing, needs no array). */
    private static final EntityEntry[] NO_ENTRIES = new EntityEntry[0];
    /** The entries found by key: holds the entries themselves, so a loaded row makes no key object or node. */
    private final KeyTable byKey = new KeyTable();
    /**
     * The entries found by instance (identity): one slot each, and sized small until a session holds more. Entries of
     * instances a load just made wait in {@link #unplaced} until something looks an instance up: read it through
     * {@link #byInstance()}.
     */
    private final InstanceTable byInstance = new InstanceTable();
    /**
     * Held entries of instances made by this session's loads ({@link #addLoaded}) not yet placed in {@link #byInstance}:
     * the first identity hash of an object costs more than the rest of its bookkeeping, and a session that only reads
     * never looks its instances up by identity. The first {@link #unplacedSize} slots are used.
     */
    private EntityEntry[] unplaced = NO_ENTRIES;
    private int unplacedSize;
    /** New and deleted entries, and every loaded one, in the order the session met them; hollow references are not listed. */
    private final ArrayList<EntityEntry> entries = new ArrayList<>(0); // sized by expect(): a find by key lists one
    /** Instances whose rows this session deleted: never inserted again by a cascade (made on first use). */
    private Set<Object> deleted;
    /**
     * Listed entries a flush compares every time (their classes do not report writes), in listing order; may hold
     * forgotten ones. The first {@link #comparedSize} slots are used. Slots below a size handed out by
     * {@link #toVisit} are never written again: other changes than appends make a new array, so a flush walks the
     * array itself, without a copy, while entries join the session.
     */
    private EntityEntry[] compared = NO_ENTRIES;
    private int comparedSize;
    /** Whether an entry of {@link #compared} may have stopped being held or started being tracked since its last cleaning. */
    private boolean comparedStale;
    /** Whether {@link #compared} is in listing order (it is, but after an entry went back to comparing). */
    private boolean comparedSorted = true;
    /** Tracked entries that reported a write (or were listed) since the last {@link #toVisit}. */
    private List<EntityEntry> written = new ArrayList<>();
    /** The classes of the entries listed so far (never shrinks): what a flush can decide once for all of them. */
    private final List<Object> listedModels = new ArrayList<>();
    /** Whether an instance was ever told to report its writes to an entry of this map (see {@link #close}). */
    private boolean hooked;
    /** Set by {@link #close}: a flush that fails after it puts nothing back into the map. */
    private boolean closed;
    /** The innermost flush writing now that may have to put the listing back ({@link #keepListing}); null for none. */
    private KeptListing keeping;
    private long listings;
    /**
     * Makes room for {@code more} entries about to join the session (the rows a statement is expected to read), so
     * that its tables and lists take them without growing on the way: the tables by key and by instance, the
     * listing, and, with {@code compared}, the entries every flush compares (classes that do not report writes).
     * Only capacity changes: what the map holds and answers stays as it is.
     */
    public void expect(int more, boolean compared) {
        if (more <= 0) {
            return;
        }
        byKey.reserve(more);
        if (unplacedSize + more > unplaced.length) {
            unplaced = java.util.Arrays.copyOf(unplaced, unplacedSize + more);
        }
        entries.ensureCapacity(entries.size() + more);
        if (compared && comparedSize + more > this.compared.length) {
            // a new array, as when it grows: a visit handed out may hold the old one
            this.compared = java.util.Arrays.copyOf(this.compared, comparedSize + more);
        }
    }

    /** Forgets which joined reads met each entry it holds or finds by key (see {@link EntityEntry#markRead}). */
    public void clearReadMarks() {
        forEachHeld(EntityEntry::clearReadMarks);
        byKey.forEach(EntityEntry::clearReadMarks);
    }

    public EntityEntry get(EntityKey key) {
        return byKey.get(key.type(), key.id(), key.shard());
    }

    /** {@code get(new EntityKey(type, id, shard))} without making the key: a loader looks up every row it reads. */
    public EntityEntry get(Class<?> type, Object id, String shard) {
        return byKey.get(type, id, shard);
    }

    public EntityEntry entryOf(Object instance) {
        return byInstance().get(instance);
    }

    public boolean holds(Object instance) {
        return byInstance().get(instance) != null;
    }

    /** The table by instance, with every entry waiting in {@link #unplaced} placed in it first. */
    private InstanceTable byInstance() {
        int n = unplacedSize;
        if (n > 0) {
            EntityEntry[] u = unplaced;
            byInstance.reserve(n);
            for (int i = 0; i < n; i++) {
                byInstance.put(u[i]);
                u[i] = null;
            }
            unplacedSize = 0;
        }
        return byInstance;
    }

    /** Gives every held entry to {@code action} (which must not change the map), placed by instance or not. */
    private void forEachHeld(java.util.function.Consumer<EntityEntry> action) {
        byInstance.forEach(action);
        for (int i = 0; i < unplacedSize; i++) {
            action.accept(unplaced[i]);
        }
    }

    /** Lets go of the table by instance and of the entries waiting to be placed in it: emptied, or dropped whole. */
    private void dropByInstance(boolean clear) {
        if (clear) {
            byInstance.clear();
            java.util.Arrays.fill(unplaced, 0, unplacedSize, null);
        } else {
            byInstance.drop();
            unplaced = NO_ENTRIES;
        }
        unplacedSize = 0;
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

    /**
     * Registers and lists the entry of an instance a load of this session has just made, which no other entry can
     * hold (found by its key too, when it has one): {@link #add} without the identity hash, until the first look-up by
     * instance needs it.
     */
    public void addLoaded(EntityEntry e) {
        if (unplacedSize == unplaced.length) {
            unplaced = java.util.Arrays.copyOf(unplaced, Math.max(16, unplacedSize * 2));
        }
        unplaced[unplacedSize++] = e;
        e.set(EntityEntry.HELD, true);
        if (e.hasKey()) {
            byKey.put(e);
        }
        entries.add(e);
        listed(e);
    }

    /** Finds {@code e} by its instance from now on (an entry it replaces is no longer held). */
    private void hold(EntityEntry e) {
        EntityEntry before = byInstance().put(e);
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
        if (listedModels.isEmpty() || listedModels.get(listedModels.size() - 1) != e.model) {
            noteModel(e.model);
        }
        if (e.model.writesTracked() && e.instance instanceof io.athanor.orm.enhance.Tracked) {
            io.athanor.orm.enhance.Tracked t = (io.athanor.orm.enhance.Tracked) e.instance;
            Object before = t.athanor$entry();
            if (before instanceof EntityEntry && before != e) {
                ((EntityEntry) before).untrack();
            }
            t.athanor$entry(e);
            hooked = true;
            noteStale(e);
            e.map = this;
            e.set(EntityEntry.TRACKED, true);
            e.changed();
        } else {
            e.set(EntityEntry.TRACKED, false);
            compare(e);
        }
    }

    private void noteModel(Object model) {
        for (int i = 0; i < listedModels.size(); i++) {
            if (listedModels.get(i) == model) {
                return;
            }
        }
        listedModels.add(model);
    }

    /**
     * The classes ({@code EntityModel}s) of every entry listed since the map was made or cleared, possibly some no
     * longer held: a flush skips a pass that none of them needs. Live; one entry per class.
     */
    public List<Object> listedModels() {
        return listedModels;
    }

    private void compare(EntityEntry e) {
        if (!e.is(EntityEntry.IN_COMPARED)) {
            e.set(EntityEntry.IN_COMPARED, true);
            int n = comparedSize;
            if (n > 0 && compared[n - 1].listedAt > e.listedAt) {
                comparedSorted = false;
            }
            if (n == compared.length) {
                compared = java.util.Arrays.copyOf(compared, Math.max(16, n * 2)); // the old array stays as a visit saw it
            }
            compared[n] = e;
            comparedSize = n + 1;
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
        for (int i = 0; i < comparedSize; i++) {
            compared[i].set(EntityEntry.IN_COMPARED, false);
        }
        compared = NO_ENTRIES;
        comparedSize = 0;
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
            return new Visit(compared, comparedSize); // every one held and compared, in order: no copy, no look at each
        }
        if (comparedStale || !comparedSorted) {
            EntityEntry[] kept = new EntityEntry[Math.max(16, comparedSize)]; // a new array: a visit may hold the old one
            int n = 0;
            for (int i = 0; i < comparedSize; i++) {
                EntityEntry e = compared[i];
                if (!e.tracked() && e.is(EntityEntry.HELD)) {
                    kept[n++] = e;
                } else {
                    e.set(EntityEntry.IN_COMPARED, false);
                }
            }
            if (!comparedSorted) {
                java.util.Arrays.sort(kept, 0, n, java.util.Comparator.comparingLong(x -> x.listedAt));
            }
            compared = kept;
            comparedSize = n;
            comparedStale = false;
            comparedSorted = true;
        }
        List<EntityEntry> taken = written;
        written = new ArrayList<>();
        List<EntityEntry> out = new ArrayList<>(comparedSize + taken.size());
        out.addAll(new Visit(compared, comparedSize));
        boolean both = !out.isEmpty();
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

    /** The first {@code size} entries of an array of {@link #compared}, which no one writes again: a read-only list. */
    private static final class Visit extends java.util.AbstractList<EntityEntry> implements java.util.RandomAccess {
        private final EntityEntry[] entries;
        private final int size;

        Visit(EntityEntry[] entries, int size) {
            this.entries = entries;
            this.size = size;
        }

        @Override
        public EntityEntry get(int index) {
            java.util.Objects.checkIndex(index, size);
            return entries[index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Object[] toArray() {
            return java.util.Arrays.copyOf(entries, size, Object[].class);
        }
    }

    /** Where the entries compared at every flush end: new ones listed after it are found by {@link #visitSince}. */
    public int visitMark() {
        return comparedSize;
    }

    /**
     * The entries to look at that appeared since {@code mark} (listed, or written, or deleted while a flush
     * prepared), added to {@code visit} in listing order; {@code visit} itself when there are none.
     */
    public List<EntityEntry> visitSince(int mark, List<EntityEntry> visit) {
        if (written.isEmpty() && comparedSize == mark) {
            return visit;
        }
        Set<EntityEntry> extra = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = mark; i < comparedSize; i++) {
            EntityEntry e = compared[i];
            if (!e.tracked() && byInstance().get(e.instance) == e) {
                extra.add(e);
            }
        }
        List<EntityEntry> taken = written;
        written = new ArrayList<>();
        for (EntityEntry e : taken) {
            e.set(EntityEntry.WRITTEN, false);
            if (e.tracked() && byInstance().get(e.instance) == e) {
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
        beforeUnlisting();
        unhook(e);
        if (byInstance().get(e.instance) == e) {
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
        beforeUnlisting();
        Set<EntityEntry> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntityEntry e : gone) {
            set.add(e);
            unhook(e);
            if (byInstance().get(e.instance) == e) {
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
        if (closed) {
            return; // the session is gone: nothing is held again, and no instance reports to it again
        }
        beforeUnlisting();
        dropVisits();
        forEachHeld(e -> e.set(EntityEntry.HELD, false));
        byKey.clear();
        dropByInstance(true);
        entries.clear();
        for (EntityEntry e : listed) {
            add(e);
        }
    }

    /**
     * The listed entries as they are when a flush starts writing, kept for {@link #reset} should the writes fail:
     * while entries only join the session (an insert lists no one new; a cascade appends), they are the first
     * {@code size} of the live list and nothing is copied; the first time one would leave it, they are copied.
     */
    public static final class KeptListing {
        private final int size;
        private final KeptListing outer;
        private List<EntityEntry> copy;

        private KeptListing(int size, KeptListing outer) {
            this.size = size;
            this.outer = outer;
        }
    }

    /**
     * Starts keeping the listed entries as they are now (see {@link KeptListing}); end it with {@link #listing} or
     * {@link #release}, innermost first.
     */
    public KeptListing keepListing() {
        keeping = new KeptListing(entries.size(), keeping);
        return keeping;
    }

    /** Stops keeping {@code kept}: the writes succeeded. */
    public void release(KeptListing kept) {
        if (keeping == kept) {
            keeping = kept.outer;
        }
    }

    /** Stops keeping {@code kept} and returns the listed entries as they were when it started, in order. */
    public List<EntityEntry> listing(KeptListing kept) {
        release(kept);
        return kept.copy != null ? kept.copy : new ArrayList<>(entries.subList(0, kept.size));
    }

    /** Before an entry leaves the listing: copies what the flushes writing now may have to put back. */
    private void beforeUnlisting() {
        for (KeptListing k = keeping; k != null; k = k.outer) {
            if (k.copy == null) {
                k.copy = new ArrayList<>(entries.subList(0, k.size));
            }
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

    /**
     * The session closes: its instances stop reporting writes to it, and the tables and lists are let go as a
     * whole rather than emptied slot by slot. The entries keep their flags; nothing reads them after this.
     */
    public void close() {
        beforeUnlisting(); // a flush writing now (closed from a listener) can still end, failed or not
        closed = true;
        if (hooked) {
            forEachHeld(IdentityMap::unhook);
        }
        byKey.drop();
        dropByInstance(false);
        compared = NO_ENTRIES;
        comparedSize = 0;
        if (!written.isEmpty()) {
            written = new ArrayList<>();
        }
        entries.clear();
        deleted = null;
        keeping = null;
    }

    public void clear() {
        beforeUnlisting();
        forEachHeld(e -> {
            unhook(e);
            e.set(EntityEntry.HELD, false);
        });
        dropVisits();
        deleted = null;
        byKey.clear();
        dropByInstance(true);
        entries.clear();
    }
}

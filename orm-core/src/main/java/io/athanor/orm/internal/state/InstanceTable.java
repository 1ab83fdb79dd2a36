package io.athanor.orm.internal.state;

import java.util.Arrays;

/**
 * The entries of one session found by their instance (by identity): an open-addressing table (linear probing,
 * deletion by shifting back) holding the entries themselves, one slot each, where an {@code IdentityHashMap}
 * would keep the instance and the entry in two. At most one entry per instance: putting another replaces it. One
 * session's, one thread's: not thread-safe.
 */
final class InstanceTable extends EntryTable {
    InstanceTable() {
        super(4);
    }

    @Override
    int hashOf(EntityEntry e) {
        return System.identityHashCode(e.instance);
    }

    private static int home(Object instance, int mask) {
        return home(System.identityHashCode(instance), mask);
    }

    /** The entry of {@code instance}, or {@code null}. */
    EntityEntry get(Object instance) {
        if (size == 0) {
            return null;
        }
        EntityEntry[] s = slots;
        int mask = s.length - 1;
        for (int i = home(instance, mask);; i = (i + 1) & mask) {
            EntityEntry e = s[i];
            if (e == null || e.instance == instance) {
                return e;
            }
        }
    }

    /** Finds {@code e} by its instance from now on; returns the entry it replaces, or {@code null}. */
    EntityEntry put(EntityEntry e) {
        ensureRoom();
        EntityEntry[] s = slots;
        int mask = s.length - 1;
        for (int i = home(e.instance, mask);; i = (i + 1) & mask) {
            EntityEntry x = s[i];
            if (x == null) {
                s[i] = e;
                size++;
                return null;
            }
            if (x.instance == e.instance) {
                s[i] = e;
                return x;
            }
        }
    }

    /** Stops finding {@code instance}'s entry; returns it, or {@code null} if there was none. */
    EntityEntry remove(Object instance) {
        if (size == 0) {
            return null;
        }
        EntityEntry[] s = slots;
        int mask = s.length - 1;
        for (int i = home(instance, mask);; i = (i + 1) & mask) {
            EntityEntry x = s[i];
            if (x == null) {
                return null;
            }
            if (x.instance == instance) {
                size--;
                shiftBack(i);
                return x;
            }
        }
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, null);
            size = 0;
        }
    }
}

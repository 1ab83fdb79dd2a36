package io.athanor.orm.internal.state;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The entries of one session found by their instance (by identity): an open-addressing table (linear probing,
 * deletion by shifting back) holding the entries themselves, one slot each, where an {@code IdentityHashMap}
 * would keep the instance and the entry in two. At most one entry per instance: putting another replaces it. One
 * session's, one thread's: not thread-safe.
 */
final class InstanceTable {
    private static final int FIRST_CAPACITY = 8;
    private static final EntityEntry[] NONE = new EntityEntry[0];

    private EntityEntry[] slots = NONE;
    private int size;

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
        if (slots.length == 0) {
            slots = new EntityEntry[FIRST_CAPACITY];
        } else if ((size + 1) * 4 > slots.length * 3) {
            grow();
        }
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

    /** Gives every entry to {@code action} (which must not change the table). */
    void forEach(Consumer<EntityEntry> action) {
        if (size > 0) {
            for (EntityEntry e : slots) {
                if (e != null) {
                    action.accept(e);
                }
            }
        }
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, null);
            size = 0;
        }
    }

    int size() {
        return size;
    }

    /** Fills the hole at {@code hole} with the later entries of its run that may not stay behind it. */
    private void shiftBack(int hole) {
        EntityEntry[] s = slots;
        int mask = s.length - 1;
        s[hole] = null;
        for (int j = (hole + 1) & mask;; j = (j + 1) & mask) {
            EntityEntry x = s[j];
            if (x == null) {
                return;
            }
            int k = home(x.instance, mask);
            boolean stays = hole <= j ? hole < k && k <= j : hole < k || k <= j;
            if (!stays) {
                s[hole] = x;
                s[j] = null;
                hole = j;
            }
        }
    }

    private void grow() {
        EntityEntry[] old = slots;
        EntityEntry[] s = new EntityEntry[old.length * 2];
        int mask = s.length - 1;
        for (EntityEntry e : old) {
            if (e != null) {
                int i = home(e.instance, mask);
                while (s[i] != null) {
                    i = (i + 1) & mask;
                }
                s[i] = e;
            }
        }
        slots = s;
    }

    /** The slot an instance starts at: its identity hash, mixed, then masked. */
    private static int home(Object instance, int mask) {
        int h = System.identityHashCode(instance) * 0x9E3779B9;
        return (h ^ h >>> 16) & mask;
    }
}

package io.athanor.orm.internal.state;

/**
 * What the session's two entry tables share: an open-addressing array of entries (linear probing, deletion by
 * shifting back, grown at three quarters full), where each subclass says which hash places an entry. One session's,
 * one thread's: not thread-safe.
 */
abstract class EntryTable {
    private static final EntityEntry[] NONE = new EntityEntry[0];

    private final int firstCapacity;
    EntityEntry[] slots = NONE;
    int size;

    EntryTable(int firstCapacity) {
        this.firstCapacity = firstCapacity;
    }

    /** The hash that places {@code e} (the same for as long as it is in the table). */
    abstract int hashOf(EntityEntry e);

    final int size() {
        return size;
    }

    /** Makes room for one more entry: the first array, or one twice as large at three quarters full. */
    final void ensureRoom() {
        if (slots.length == 0) {
            slots = new EntityEntry[firstCapacity];
        } else if ((size + 1) * 4 > slots.length * 3) {
            grow();
        }
    }

    /** Fills the hole at {@code hole} with the later entries of its run that may not stay behind it. */
    final void shiftBack(int hole) {
        EntityEntry[] s = slots;
        int mask = s.length - 1;
        s[hole] = null;
        for (int j = (hole + 1) & mask;; j = (j + 1) & mask) {
            EntityEntry x = s[j];
            if (x == null) {
                return;
            }
            int k = home(hashOf(x), mask);
            // x stays if its home lies cyclically in (hole, j]: it is still found from there
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
                int i = home(hashOf(e), mask);
                while (s[i] != null) {
                    i = (i + 1) & mask;
                }
                s[i] = e;
            }
        }
        slots = s;
    }

    /** The slot a hash starts at: its bits mixed (ids are often consecutive numbers), then masked. */
    static int home(int h, int mask) {
        return (h * 0x9E3779B9 >>> 16 ^ h * 0x9E3779B9) & mask;
    }
}

package io.athanor.orm.internal.state;

/**
 * What the session's two entry tables share: an open-addressing array of entries (linear probing, deletion by
 * shifting back, grown at three quarters full), where each subclass says which hash places an entry. One session's,
 * one thread's: not thread-safe.
 */
abstract class EntryTable {
    private static final EntityEntry[] NONE = new EntityEntry[0];
    /** The largest array {@link #reserve} makes (a power of two); callers ask for far fewer. */
    private static final int MAX_LENGTH = 1 << 30;

    private final int firstCapacity;
    EntityEntry[] slots = NONE;
    int size;
    /**
     * Counts changes to where entries sit (growth, shifts, and the key table's puts, removals and clears), so that the
     * key table can reuse a look-up's probe until the next change; the table by instance does not count its puts.
     */
    long changes;

    EntryTable(int firstCapacity) {
        this.firstCapacity = firstCapacity;
    }

    /** The hash that places {@code e} (the same for as long as it is in the table). */
    abstract int hashOf(EntityEntry e);

    final int size() {
        return size;
    }

    /** Gives every entry to {@code action} (which must not change the table). */
    final void forEach(java.util.function.Consumer<EntityEntry> action) {
        if (size > 0) {
            for (EntityEntry e : slots) {
                if (e != null) {
                    action.accept(e);
                }
            }
        }
    }

    /** Lets go of the array and every entry in it at once (the flags the entries carry stay as they are). */
    final void drop() {
        slots = NONE;
        size = 0;
        changes++;
    }

    /** Makes room for one more entry: the first array, or one twice as large at three quarters full. */
    final void ensureRoom() {
        if (slots.length == 0) {
            slots = new EntityEntry[firstCapacity];
        } else if ((size + 1) * 4 > slots.length * 3) {
            resize(slots.length * 2);
        }
    }

    /**
     * Makes room for {@code more} entries beyond those it holds at once, so that adding them grows no array (a
     * statement about to read that many rows): the array that holds them all at most three quarters full, if the
     * current one does not. Entries stay where their hashes place them in the new array.
     */
    final void reserve(int more) {
        long wanted = (long) size + Math.max(0, more);
        int length = Math.max(slots.length, firstCapacity);
        while (wanted * 4 > (long) length * 3 && length < MAX_LENGTH) {
            length *= 2;
        }
        if (slots.length == 0) {
            slots = new EntityEntry[length];
        } else if (length > slots.length) {
            resize(length);
        }
    }

    /** Fills the hole at {@code hole} with the later entries of its run that may not stay behind it. */
    final void shiftBack(int hole) {
        changes++;
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

    /** Places every entry again in a new array of {@code length} slots (a power of two). */
    private void resize(int length) {
        changes++;
        EntityEntry[] old = slots;
        EntityEntry[] s = new EntityEntry[length];
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

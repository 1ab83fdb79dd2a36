package io.athanor.orm.internal.state;

import java.util.Arrays;

/**
 * The entries of one session found by key {@code (root type, id, shard)}: an open-addressing table (linear
 * probing, deletion by shifting back) holding the entries themselves, each of which keeps the hash it was placed
 * by, so that neither a read nor a lookup makes a key object or a node. At most one entry per key: putting an
 * entry with the key of another replaces that one. One session's, one thread's: not thread-safe.
 */
final class KeyTable extends EntryTable {
    /*
     * Where the last look-up that found nothing stopped: the empty slot a put of that very key (the same id object,
     * type and shard) takes while the table has not changed since, without hashing and probing again. A loader looks
     * each row's key up and, finding none, puts the entry it makes for that row.
     */
    private Class<?> missType;
    private Object missId;
    private String missShard;
    private int missHash;
    private int missSlot = -1;
    private long missAt;

    KeyTable() {
        super(4);
    }

    @Override
    int hashOf(EntityEntry e) {
        return e.keyHash;
    }

    /** The entry with key {@code (type, id, shard)}, or {@code null}; makes no object. */
    EntityEntry get(Class<?> type, Object id, String shard) {
        EntityEntry[] s = slots;
        if (size == 0) {
            return null;
        }
        int h = EntityKey.hash(type, id, shard);
        int mask = s.length - 1;
        for (int i = home(h, mask);; i = (i + 1) & mask) {
            EntityEntry e = s[i];
            if (e == null) {
                missType = type;
                missId = id;
                missShard = shard;
                missHash = h;
                missSlot = i;
                missAt = changes;
                return null;
            }
            if (e.keyHash == h && e.keyIs(type, id, shard)) {
                return e;
            }
        }
    }

    /** Finds {@code e} by its key from now on, in place of any other entry with that key; {@code e} must have one. */
    void put(EntityEntry e) {
        if (e.is(EntityEntry.INDEXED)) {
            remove(e); // held by an older key of it: placed again by the current one
        }
        Class<?> type = e.model.rootType();
        Object id = e.id();
        if (missSlot >= 0 && missAt == changes && id == missId && type == missType && e.shard == missShard
                && (size + 1) * 4 <= slots.length * 3) {
            int i = missSlot; // the look-up of this key just found it absent there: nothing has moved since
            missSlot = -1;
            changes++;
            size++;
            e.keyHash = missHash;
            e.set(EntityEntry.INDEXED, true);
            slots[i] = e;
            return;
        }
        ensureRoom();
        int h = EntityKey.hash(type, id, e.shard);
        EntityEntry[] s = slots;
        int mask = s.length - 1;
        int i = home(h, mask);
        for (;; i = (i + 1) & mask) {
            EntityEntry x = s[i];
            if (x == null) {
                size++;
                break;
            }
            if (x.keyHash == h && x.keyIs(type, id, e.shard)) {
                x.set(EntityEntry.INDEXED, false);
                break;
            }
        }
        changes++;
        e.keyHash = h;
        e.set(EntityEntry.INDEXED, true);
        s[i] = e;
    }

    /** Stops finding {@code e} by key, if this table does (whatever its key has become since). */
    void remove(EntityEntry e) {
        if (!e.is(EntityEntry.INDEXED)) {
            return;
        }
        EntityEntry[] s = slots;
        int mask = s.length - 1;
        for (int i = home(e.keyHash, mask);; i = (i + 1) & mask) {
            EntityEntry x = s[i];
            if (x == null) {
                throw new IllegalStateException("An entry of " + e.model.name() + " noted as indexed is not in its key table");
            }
            if (x == e) {
                e.set(EntityEntry.INDEXED, false);
                changes++;
                size--;
                shiftBack(i);
                return;
            }
        }
    }

    /** Empties the table (its entries are no longer found by key). */
    void clear() {
        if (size > 0) {
            for (EntityEntry e : slots) {
                if (e != null) {
                    e.set(EntityEntry.INDEXED, false);
                }
            }
            Arrays.fill(slots, null);
            size = 0;
            changes++;
        }
    }
}

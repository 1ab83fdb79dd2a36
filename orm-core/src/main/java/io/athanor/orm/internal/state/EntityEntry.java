package io.athanor.orm.internal.state;

import io.athanor.orm.internal.meta.EntityModel;

/**
 * What a session knows of one instance (SQLAlchemy's InstanceState): its mapping, key, status, and the column
 * values last seen in the database. Owned by one session and touched by its thread only.
 */
public final class EntityEntry {
    /** Where an instance stands in its session. */
    public enum Status { NEW, PERSISTENT, DELETED }

    public final Object instance;
    public final EntityModel model;
    public EntityKey key;
    public Status status;
    /** Per property (in model order), then per extra foreign key column: values as last written or read. */
    public Object[] snapshot;
    /** Whether this flush gave the instance its key (to undo if the flush fails). */
    public boolean keyAssigned;
    /** In a read-only session: a fingerprint of the field values as loaded, in place of most of the snapshot. */
    public int fingerprint;
    /** A lazy reference whose columns have not been read yet (not in the session's entry list until they are). */
    public boolean hollow;
    /** Marked by expire(): the next read of its row through the session overwrites its columns. */
    public boolean expired;
    /** The instances the query that loaded this one returned with it, for N+1 detection; may be null. */
    public LoadGroup group;
    /**
     * The relationships already loaded into the instance, which later queries leave as they are: {@code null} for
     * none, a {@code String} for one (most entities: no set per instance), else a {@code Set<String>} of names.
     */
    private Object loaded;
    /** For loaded collections: their elements as loaded, to find orphans removed from them since. */
    public java.util.Map<String, java.util.List<Object>> loadedElements;
    /** For owning many-to-many collections: their elements as loaded or last written, to find links to add and remove. */
    public java.util.Map<String, java.util.List<Object>> loadedLinks;

    /**
     * Bit {@code i}: owning to-one relationship {@code i} of the model has held a parent since the instance
     * was loaded or added, so a null in it now means "no parent" rather than "never set up" (a stream).
     */
    public long toOnesSet;
    /** Properties the last insert left to their server defaults and filled from the row; cleared again if it is undone. */
    public java.util.List<io.athanor.orm.internal.meta.PropertyModel> defaulted;

    /**
     * Whether the instance's class reports its writes to this entry ({@link io.athanor.orm.enhance.Tracked}), so a
     * flush looks at it only when it has reported one; otherwise every flush compares it with its snapshot.
     */
    public boolean tracked;
    /** Whether it waits in its map's list of tracked entries written since the last flush. */
    boolean written;
    /** Whether its map finds it by its instance (set and cleared by the map). */
    boolean held;
    /** Whether it is in its map's list of entries compared at every flush. */
    boolean inCompared;
    /** The map that tracks it (set while tracked). */
    IdentityMap map;
    /** When its map listed it: the flush visits entries in this order. */
    long listedAt;

    /** The number of the last joined read that returned the instance as a root, and as a joined child (see RowLoader). */
    public int rootMark;
    public int childMark;

    /** The shard the row lives in (or goes to, once chosen at the flush); {@code null} where entities are not sharded. */
    public String shard;

    public EntityEntry(Object instance, EntityModel model, EntityKey key, Status status, Object[] snapshot) {
        this.shard = key == null ? null : key.shard();
        this.instance = instance;
        this.model = model;
        this.key = key;
        this.status = status;
        this.snapshot = snapshot;
    }

    /**
     * Notes that the instance was (or may have been) changed, so the next flush compares it; for an untracked
     * entry, which every flush compares, does nothing.
     */
    public void changed() {
        if (tracked && !written && map != null) {
            written = true;
            map.written(this);
        }
    }

    /** Another entry took over the instance's reports (another session listed it): compared at every flush from now on. */
    void untrack() {
        if (tracked) {
            tracked = false;
            if (map != null && map.entryOf(instance) == this) {
                map.untrackIn(this);
            }
            map = null;
        }
    }

    /** Whether relationship {@code name} is loaded into the instance (later queries leave it as it is). */
    public boolean isLoaded(String name) {
        Object l = loaded;
        return l != null && (l instanceof String ? l.equals(name) : ((java.util.Set<?>) l).contains(name));
    }

    /** Notes that relationship {@code name} is loaded into the instance. */
    @SuppressWarnings("unchecked")
    public void markLoaded(String name) {
        Object l = loaded;
        if (l == null) {
            loaded = name;
        } else if (l instanceof String) {
            if (!l.equals(name)) {
                java.util.Set<String> both = new java.util.HashSet<>(4);
                both.add((String) l);
                both.add(name);
                loaded = both;
            }
        } else {
            ((java.util.Set<String>) l).add(name);
        }
    }

    /** Notes that relationship {@code name} is no longer loaded (its next use loads it again). */
    public void unmarkLoaded(String name) {
        Object l = loaded;
        if (l instanceof String) {
            if (l.equals(name)) {
                loaded = null;
            }
        } else if (l != null) {
            ((java.util.Set<?>) l).remove(name);
        }
    }

    /** Whether to-one {@code r} has held a parent (see {@link #toOnesSet}): a null in it now was set, not left unloaded. */
    public boolean heldToOne(io.athanor.orm.internal.meta.RelationshipModel r) {
        int i = model.relationships().indexOf(r);
        return i >= 0 && i < Long.SIZE && (toOnesSet & (1L << i)) != 0;
    }

    /** Notes that to-one {@code r} holds a parent (see {@link #toOnesSet}). */
    public void markToOne(io.athanor.orm.internal.meta.RelationshipModel r) {
        int i = model.relationships().indexOf(r);
        if (i >= 0 && i < Long.SIZE) {
            toOnesSet |= 1L << i;
        }
    }

    /** Puts back the nulls the insert's server defaults replaced, when that insert is undone. */
    public void forgetServerDefaults() {
        if (defaulted != null) {
            for (io.athanor.orm.internal.meta.PropertyModel p : defaulted) {
                p.accessor().set(instance, null);
            }
            defaulted = null;
        }
    }

    /** A fingerprint of an entity's field values, for noticing changes in a read-only session. */
    public static int fingerprint(EntityModel model, Object instance) {
        int h = 1;
        for (io.athanor.orm.internal.meta.PropertyModel p : model.properties()) {
            h = 31 * h + fingerprintOf(p.accessor().get(instance));
        }
        return h;
    }

    /**
     * One field value's part of a {@link #fingerprint}: {@code fingerprint} is {@code h = 31 * h + fingerprintOf(v)}
     * over the model's properties in order, starting from 1, so a loader holding the values it just assigned can
     * compute the same number without reading the fields back.
     */
    public static int fingerprintOf(Object v) {
        if (v instanceof java.math.BigDecimal) {
            v = ((java.math.BigDecimal) v).stripTrailingZeros();
        }
        return valueHash(v);
    }

    /** A hash of a field value by content: arrays (byte[], array fields) by their elements. */
    private static int valueHash(Object v) {
        if (v instanceof byte[]) {
            return java.util.Arrays.hashCode((byte[]) v);
        } else if (v instanceof int[]) {
            return java.util.Arrays.hashCode((int[]) v);
        } else if (v instanceof long[]) {
            return java.util.Arrays.hashCode((long[]) v);
        } else if (v instanceof Object[]) {
            return java.util.Arrays.hashCode((Object[]) v);
        }
        return java.util.Objects.hashCode(v);
    }
}

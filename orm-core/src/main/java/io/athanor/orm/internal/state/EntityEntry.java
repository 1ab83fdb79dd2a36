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
    /** Per property (in model order), then per extra foreign key column: values as last written or read. */
    public Object[] snapshot;
    /**
     * What few instances need (loaded orphan-removal and many-to-many collections, server defaults): made on first use.
     * The references a flush reads per held instance (instance, model, snapshot, this; the status is in the flags) are declared first,
     * so the JVM lays them out side by side: fewer cache lines per instance in a flush's walk of a large session.
     */
    private Rare rare;
    /**
     * The primary key value of its key (a List for composite keys), which is {@code (model.rootType(), id, shard)}:
     * kept as its parts so that a loaded row makes no key object; meaningful when {@link #KEYED} is set.
     */
    private Object id;
    /** Whether this flush gave the instance its key (to undo if the flush fails). */
    public boolean keyAssigned;
    /** The hash its {@link KeyTable} placed it by (valid while {@link #INDEXED}). */
    int keyHash;
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

    /** The rarely needed parts of an entry, apart so that every loaded row does not carry them. */
    private static final class Rare {
        /** For loaded collections: their elements as loaded, to find orphans removed from them since. */
        java.util.Map<String, java.util.List<Object>> loadedElements;
        /** For owning many-to-many collections: their elements as loaded or last written, to find links to add and remove. */
        java.util.Map<String, java.util.List<Object>> loadedLinks;
        /** Properties the last insert left to their server defaults and filled from the row; cleared again if it is undone. */
        java.util.List<io.athanor.orm.internal.meta.PropertyModel> defaulted;
    }

    private Rare rare() {
        Rare r = rare;
        if (r == null) {
            r = new Rare();
            rare = r;
        }
        return r;
    }

    /** Per loaded orphan-removal collection (by name): its elements as loaded, to find orphans removed since; may be null. */
    public java.util.Map<String, java.util.List<Object>> loadedElements() {
        return rare == null ? null : rare.loadedElements;
    }

    /** {@link #loadedElements()}, made if there is none yet. */
    public java.util.Map<String, java.util.List<Object>> loadedElementsToFill() {
        Rare r = rare();
        if (r.loadedElements == null) {
            r.loadedElements = new java.util.HashMap<>();
        }
        return r.loadedElements;
    }

    /**
     * Per loaded owning many-to-many collection (by name): its elements as loaded or last written, to find links to
     * add and remove; may be null.
     */
    public java.util.Map<String, java.util.List<Object>> loadedLinks() {
        return rare == null ? null : rare.loadedLinks;
    }

    /** {@link #loadedLinks()}, made if there is none yet. */
    public java.util.Map<String, java.util.List<Object>> loadedLinksToFill() {
        Rare r = rare();
        if (r.loadedLinks == null) {
            r.loadedLinks = new java.util.HashMap<>();
        }
        return r.loadedLinks;
    }

    /** Notes that the last insert left {@code p} to its server default, filled from the row (of {@code expected} such). */
    public void defaulted(io.athanor.orm.internal.meta.PropertyModel p, int expected) {
        Rare r = rare();
        if (r.defaulted == null) {
            r.defaulted = new java.util.ArrayList<>(expected);
        }
        r.defaulted.add(p);
    }

    /**
     * Bit {@code i}: owning to-one relationship {@code i} of the model has held a parent since the instance
     * was loaded or added, so a null in it now means "no parent" rather than "never set up" (a stream).
     */
    public long toOnesSet;

    /**
     * Whether the instance's class reports its writes to this entry ({@link io.athanor.orm.enhance.Tracked}), so a
     * flush looks at it only when it has reported one; otherwise every flush compares it with its snapshot.
     */
    boolean tracked() {
        return (flags & TRACKED) != 0;
    }

    /** Bits of {@link #flags}: it has a key; see {@link #tracked()}. */
    static final int KEYED = 1;
    static final int TRACKED = 1 << 1;
    /** It waits in its map's list of tracked entries written since the last flush. */
    static final int WRITTEN = 1 << 2;
    /** Its map finds it by its instance (set and cleared by the map). */
    static final int HELD = 1 << 3;
    /** It is in its map's list of entries compared at every flush. */
    static final int IN_COMPARED = 1 << 4;
    /** Its map's key table holds it (set and cleared by the table). */
    static final int INDEXED = 1 << 5;
    /** Bits 6 and 7 of {@link #flags}: the {@link Status}'s ordinal. */
    private static final int STATUS_SHIFT = 6;
    private static final Status[] STATUSES = Status.values();
    /**
     * The bookkeeping flags above and the status, in one byte (the entry is made for every row a session loads): with
     * the read marks in one int, the entry takes 80 bytes where a field of its own for each took 88.
     */
    private byte flags;

    /** Where the instance stands in its session. */
    public Status status() {
        return STATUSES[(flags >> STATUS_SHIFT) & 3];
    }

    /** Sets where the instance stands in its session. */
    public void status(Status status) {
        flags = (byte) (flags & ~(3 << STATUS_SHIFT) | status.ordinal() << STATUS_SHIFT);
    }

    /** Whether its session holds it now: the session finds this entry by its instance. */
    public boolean held() {
        return (flags & HELD) != 0;
    }

    boolean is(int flag) {
        return (flags & flag) != 0;
    }

    void set(int flag, boolean on) {
        flags = (byte) (on ? flags | flag : flags & ~flag);
    }

    /** The map that tracks it (set while tracked). */
    IdentityMap map;
    /** When its map listed it: the flush visits entries in this order. */
    long listedAt;

    /** The largest number of a joined read {@link #markRead} takes; a loader that reaches it clears the marks and starts again from 1. */
    public static final int MAX_READ = (1 << 30) - 1;
    /**
     * The number of the last joined read that met the instance (see RowLoader), times four, plus 1 if it met it as a
     * root and 2 if as a joined child: one int where there were two (see {@link #flags}).
     */
    private int readMarks;

    /**
     * Notes that joined read {@code read} (1 to {@link #MAX_READ}) met the instance as a joined child, or else as a
     * root; returns whether that read had not met it so before.
     */
    public boolean markRead(int read, boolean child) {
        int bit = child ? 2 : 1;
        int m = readMarks;
        if (m >>> 2 == read) {
            if ((m & bit) != 0) {
                return false;
            }
            readMarks = m | bit;
        } else {
            readMarks = read << 2 | bit;
        }
        return true;
    }

    /** Forgets which joined reads met the instance (its loader starts numbering its reads again). */
    void clearReadMarks() {
        readMarks = 0;
    }

    /** The shard the row lives in (or goes to, once chosen at the flush); {@code null} where entities are not sharded. */
    public String shard;

    public EntityEntry(Object instance, EntityModel model, EntityKey key, Status status, Object[] snapshot) {
        this.instance = instance;
        this.model = model;
        this.snapshot = snapshot;
        status(status);
        setKey(key);
    }

    /**
     * An entry of a row read from {@code shard} with primary key value {@code id} (its key is
     * {@code (model.rootType(), id, shard)}), without making an {@link EntityKey}.
     */
    public EntityEntry(Object instance, EntityModel model, Object id, String shard, Status status, Object[] snapshot) {
        this.instance = instance;
        this.model = model;
        this.snapshot = snapshot;
        this.id = java.util.Objects.requireNonNull(id, "id");
        this.shard = shard;
        this.flags = KEYED;
        status(status);
    }

    /** Whether it has a key (a new instance gets one at its insert). */
    public boolean hasKey() {
        return (flags & KEYED) != 0;
    }

    /** The primary key value of its key (a List for composite keys), {@code null} without a key. */
    public Object id() {
        return (flags & KEYED) != 0 ? id : null;
    }

    /** Its key, made on each call; {@code null} without one. */
    public EntityKey key() {
        return (flags & KEYED) != 0 ? new EntityKey(model.rootType(), id, shard) : null;
    }

    /**
     * Puts back a key id it had ({@link #id()}, {@code null}: no key) on its current shard: undoing a write that
     * saved the id rather than a key object.
     */
    public void restoreId(Object id) {
        if (id == null) {
            setKey(null);
        } else if (!java.util.Objects.equals(id, id())) {
            setKey(new EntityKey(model.rootType(), id, shard));
        }
    }

    /** Whether its key is {@code (type, id, shard)}. */
    boolean keyIs(Class<?> type, Object id, String shard) {
        return (flags & KEYED) != 0 && model.rootType() == type && java.util.Objects.equals(this.id, id)
                && java.util.Objects.equals(this.shard, shard);
    }

    /**
     * Gives it {@code key} ({@code null}: none), whose shard becomes its shard. A map that held it by another key
     * no longer finds it by either until it is keyed through the map again (see {@link IdentityMap#keyed}).
     *
     * @throws IllegalArgumentException if the key's type is not the root class of the entry's entity
     */
    public void setKey(EntityKey key) {
        if (key == null) {
            id = null;
            set(KEYED, false);
            return;
        }
        if (key.type() != model.rootType()) {
            throw new IllegalArgumentException("The key of " + model.name() + " names " + key.type().getName()
                    + ", not the root class " + model.rootType().getName());
        }
        id = key.id();
        shard = key.shard();
        set(KEYED, true);
    }

    /**
     * Notes that the instance was (or may have been) changed, so the next flush compares it; for an untracked
     * entry, which every flush compares, does nothing.
     */
    public void changed() {
        if ((flags & (TRACKED | WRITTEN)) == TRACKED && map != null) {
            set(WRITTEN, true);
            map.written(this);
        }
    }

    /** Another entry took over the instance's reports (another session listed it): compared at every flush from now on. */
    void untrack() {
        if (tracked()) {
            set(TRACKED, false);
            if (map != null && held()) { // its map finds it by its instance: asked without changing that map
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

    /**
     * Takes over what {@code before}, the entry its instance had, knew of the instance's relationships (which are
     * loaded, and the elements and links of its collections as loaded or last written): a refresh reads the
     * instance's columns again but leaves its collections as they are, so a flush must compare them as before.
     */
    public void keepRelationshipsOf(EntityEntry before) {
        loaded = before.loaded instanceof java.util.Set ? new java.util.HashSet<>((java.util.Set<?>) before.loaded) : before.loaded;
        if (before.rare != null && (before.rare.loadedElements != null || before.rare.loadedLinks != null)) {
            Rare r = rare();
            r.loadedElements = before.rare.loadedElements;
            r.loadedLinks = before.rare.loadedLinks;
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
        if (rare != null && rare.defaulted != null) {
            for (io.athanor.orm.internal.meta.PropertyModel p : rare.defaulted) {
                p.accessor().set(instance, null);
            }
            rare.defaulted = null;
        }
    }
}

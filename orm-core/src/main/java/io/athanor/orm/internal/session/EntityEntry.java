package io.athanor.orm.internal.session;

import io.athanor.orm.internal.meta.EntityModel;

/** What a session knows of one instance: its mapping, key, state, and the column values last seen in the database. */
final class EntityEntry {
    enum Status { NEW, PERSISTENT, DELETED }

    final Object instance;
    final EntityModel model;
    EntityKey key;
    Status status;
    /** Per property (in model order), then per extra foreign key column: values as last written or read. */
    Object[] snapshot;
    /** Whether this flush gave the instance its key (to undo if the flush fails). */
    boolean keyAssigned;
    /** In a read-only session: a fingerprint of the field values as loaded, in place of most of the snapshot. */
    int fingerprint;
    /** Inserted by a flush of the current transaction: a rollback takes it out of the session. */
    boolean insertedInTx;
    /** A lazy reference whose columns have not been read yet (not in the session's entry list until they are). */
    boolean hollow;
    /** Marked by expire(): the next read of its row through the session overwrites its columns. */
    boolean expired;
    /** The instances the query that loaded this one returned with it, for N+1 detection; may be null. */
    LoadGroup group;
    /** Relationships already loaded into the instance, which later queries leave as they are. */
    java.util.Set<String> loaded;
    /** For loaded collections: their elements as loaded, to find orphans removed from them since. */
    java.util.Map<String, java.util.List<Object>> loadedElements;
    /** For owning many-to-many collections: their elements as loaded or last written, to find links to add and remove. */
    java.util.Map<String, java.util.List<Object>> loadedLinks;

    /**
     * Bit {@code i}: owning to-one relationship {@code i} of the model has held a parent since the instance
     * was loaded or added, so a null in it now means "no parent" rather than "never set up" (a stream).
     */
    long toOnesSet;
    /** Properties the last insert left to their server defaults and filled from the row; cleared again if it is undone. */
    java.util.List<io.athanor.orm.internal.meta.PropertyModel> defaulted;

    EntityEntry(Object instance, EntityModel model, EntityKey key, Status status, Object[] snapshot) {
        this.instance = instance;
        this.model = model;
        this.key = key;
        this.status = status;
        this.snapshot = snapshot;
    }

    /** Whether to-one {@code r} has held a parent (see {@link #toOnesSet}): a null in it now was set, not left unloaded. */
    boolean heldToOne(io.athanor.orm.internal.meta.RelationshipModel r) {
        int i = model.relationships().indexOf(r);
        return i >= 0 && i < Long.SIZE && (toOnesSet & (1L << i)) != 0;
    }

    /** Notes that to-one {@code r} holds a parent (see {@link #toOnesSet}). */
    void markToOne(io.athanor.orm.internal.meta.RelationshipModel r) {
        int i = model.relationships().indexOf(r);
        if (i >= 0 && i < Long.SIZE) {
            toOnesSet |= 1L << i;
        }
    }

    /** Puts back the nulls the insert's server defaults replaced, when that insert is undone. */
    void forgetServerDefaults() {
        if (defaulted != null) {
            for (io.athanor.orm.internal.meta.PropertyModel p : defaulted) {
                p.accessor().set(instance, null);
            }
            defaulted = null;
        }
    }
}

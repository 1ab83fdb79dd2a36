package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.StaleObjectException;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.Relationships;
import io.athanor.orm.internal.load.RowLoader;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.persistence.RowSnapshots;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.EntityKey;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.state.Values;
import java.util.ArrayList;
import java.util.Collection;

/**
 * {@code add()} of a detached instance: one that a session loaded or flushed, told from a new one by its key
 * (a generated key already set, or a version already set). It is attached as persistent, with the row as
 * the database holds it now for its snapshot, so the flush updates only what differs; a row that is gone,
 * or whose version moved on, is refused with {@link StaleObjectException}. A deleted row never comes back.
 */
final class Reattach {
    private final FlushContext context;
    private final IdentityMap map;
    private final RowLoader loader;

    Reattach(FlushContext context, IdentityMap map, RowLoader loader) {
        this.context = context;
        this.map = map;
        this.loader = loader;
    }

    /** The key of a detached instance of {@code model}, or {@code null} when {@code entity} is new. */
    static Object detachedKey(EntityModel model, Object entity) {
        if (model.idProperties().size() != 1) {
            return null;
        }
        PropertyModel id = model.idProperties().get(0);
        Object key = id.accessor().get(entity);
        if (key == null) {
            return null;
        }
        if (id.generation() != null) {
            return key;
        }
        PropertyModel version = model.version();
        return version != null && version.accessor().get(entity) != null && !primitive(model.type(), version.path()) ? key : null;
    }

    /**
     * Whether field {@code name} of {@code type} (or of a superclass) is primitive: a primitive version always holds a
     * value, so it cannot tell a saved instance from a new one ({@link PropertyModel#javaType} is boxed).
     */
    private static boolean primitive(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name).getType().isPrimitive();
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        return false;
    }

    /** Attaches {@code entity} (detached, with {@code key}) as persistent; returns its entry. */
    EntityEntry attach(Object entity, EntityModel model, Object key) {
        String shard = context.chooseShard(entity);
        EntityKey k = new EntityKey(model.rootType(), key, shard);
        EntityEntry held = map.get(k);
        if (held != null && held.instance != entity) {
            throw new AthanorException("add() was given a " + model.name() + " with key " + key + ", but this session already "
                    + "holds another instance for that key. Use session.merge(copy), which copies the copy's state onto "
                    + "the session's instance and returns it.");
        }
        if (map.wasDeleted(entity)) {
            throw new AthanorException(model.name() + " " + key + " was deleted in this session, so add() cannot bring it "
                    + "back. To insert its values again, make a new instance (with no key) and add that.");
        }
        WritePlan plan = context.plan(model);
        Object[] row = RowSnapshots.read(context.transaction(model, shard), plan, key);
        if (row == null) {
            throw new StaleObjectException("add() was given a " + model.name() + " with key " + key + " that a session loaded "
                    + "or saved, but its row is gone (deleted since, or never written). A deleted row is not brought back: "
                    + "to insert the values as a new row, copy them into a new instance with no key and add that.");
        }
        PropertyModel version = model.version();
        if (version != null) {
            Object mine = version.accessor().get(entity);
            Object theirs = row[plan.versionColumn];
            if (!Values.same(mine, theirs)) {
                throw new StaleObjectException(model.name() + " " + key + " was changed by someone else since this instance was "
                        + "read (version " + mine + ", now " + theirs + "). Reload it and apply the change again.");
            }
        }
        EntityEntry entry = new EntityEntry(entity, model, k, EntityEntry.Status.PERSISTENT, row);
        map.add(entry);
        for (RelationshipModel r : model.relationships()) {
            Object value = r.accessor().get(entity);
            if (Relationships.isDynamic(r)) {
                loader.relationships().bindDynamic(entity, r);
            } else if (!r.toMany()) {
                if (value != null && r.owning()) {
                    entry.markToOne(r);
                }
            } else if (value instanceof LazyValue && !((LazyValue) value).isLoaded() || value == null) {
                loader.relationships().expireCollections(entity, true); // another session's unloaded collection: load here
            } else if (value instanceof Collection) {
                loader.relationships().setCollection(entity, r, new ArrayList<>((Collection<?>) value));
            }
        }
        return entry;
    }
}

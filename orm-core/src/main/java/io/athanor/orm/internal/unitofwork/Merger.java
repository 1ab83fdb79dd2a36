package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.DynamicCollection;
import io.athanor.orm.Session;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.Loading;
import io.athanor.orm.internal.load.RowLoader;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.EntityKey;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.sync.Associations;
import io.athanor.orm.internal.sync.RawCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code session.merge(x)} (SQLAlchemy's {@code Session._merge}): finds the session's instance for each
 * instance reached from {@code x} through relationships that cascade MERGE, copies their columns onto it,
 * and makes its relationships hold the merged instances; an instance with no key, or no row, joins the
 * session itself, as new. Collections become the merged versions of the copy's elements, in place, so the
 * other side is told and elements left out are unlinked (deleted at the flush where orphan removal says so).
 *
 * <p>It works in two steps so that nothing it loads can flush half-merged state: first every instance is
 * looked up and checked and the collections it will change are loaded; then the changes are made, with no
 * statement. What the copy has not loaded is not loaded now: a lazy collection is skipped (not taken as
 * empty), a lazy reference only gives its key. One per merge call; its session's thread only.
 */
public final class Merger {
    private final Session session;
    private final Metadata metadata;
    private final IdentityMap map;
    private final RowLoader loader;
    private final UnitOfWork work;
    /** Each instance met (the copy's) and what stands for it in the session: guards cycles, maps references. */
    private final Map<Object, Object> merged = new IdentityHashMap<>();
    /** The instances merged in full, in the order met (parents before what they hold). */
    private final List<Item> items = new ArrayList<>();

    /** An instance of the copy and the session's instance it is merged into ({@code source} itself when new). */
    private record Item(Object source, Object target, EntityModel model, boolean isNew) {
    }

    public Merger(Session session, Metadata metadata, IdentityMap map, RowLoader loader, UnitOfWork work) {
        this.session = session;
        this.metadata = metadata;
        this.map = map;
        this.loader = loader;
        this.work = work;
    }

    /** Merges {@code entity} and what it cascades to; returns the session's instance for it. */
    @SuppressWarnings("unchecked")
    public <E> E merge(E entity) {
        if (entity == null) {
            throw new AthanorException("merge() was given null.");
        }
        resolveAll(entity);
        for (Item item : items) {
            if (item.isNew) {
                copyColumnsAndReferences(item); // first, so that no new instance points at a copy when linked
            }
        }
        for (Item item : items) {
            mergeCollections(item);
        }
        for (Item item : items) {
            if (!item.isNew) {
                copyColumnsAndReferences(item); // last: where a plain copy's two sides disagree, the to-one wins
            }
        }
        for (Item item : items) {
            if (item.isNew && !map.holds(item.source)) {
                work.add(item.source);
            }
        }
        return (E) merged.get(entity);
    }

    private static boolean cascades(RelationshipModel r) {
        return r.cascade().contains(CascadeType.MERGE) && r.collectionType() != DynamicCollection.class;
    }

    /** Whether a relationship value of the copy holds something to merge: set, and loaded if lazy. */
    private static boolean present(Object value) {
        return value != null && !(value instanceof LazyValue && !((LazyValue) value).isLoaded())
                && !(value instanceof DynamicCollection);
    }

    // ---- step one: look up, check and load; nothing is changed ----

    /** Finds the session's instance for everything {@code root} cascades MERGE to, one level at a time. */
    private void resolveAll(Object root) {
        List<Object> level = List.of(root);
        while (!level.isEmpty()) {
            List<Item> found = new ArrayList<>();
            for (Object source : level) {
                if (!merged.containsKey(source)) {
                    Item item = resolve(source);
                    if (item != null) {
                        found.add(item);
                    }
                }
            }
            loadCollections(found);
            List<Object> next = new ArrayList<>();
            for (Item item : found) {
                for (RelationshipModel r : item.model.relationships()) {
                    Object value = cascades(r) ? r.accessor().get(item.source) : null;
                    if (!present(value)) {
                        continue;
                    }
                    if (value instanceof Collection) {
                        for (Object element : ((Collection<?>) value).toArray()) {
                            if (element != null && !merged.containsKey(element)) {
                                next.add(element);
                            }
                        }
                    } else if (!merged.containsKey(value)) {
                        next.add(value);
                    }
                }
            }
            level = next;
        }
    }

    /**
     * Registers what stands for {@code source}: itself when the session holds it, a reference when it is an
     * unloaded reference (only its key is known), else the session's instance for its key (loaded if need
     * be) or, with no key or no row, itself as new. Returns the item to merge in full, or null.
     */
    private Item resolve(Object source) {
        if (map.holds(source)) {
            merged.put(source, source);
            return null;
        }
        EntityModel model = metadata.entity(Loading.entityClass(source));
        if (model.idProperties().size() != 1) {
            throw new AthanorException("merge() supports entities with a single-column key; " + model.name() + " has "
                    + model.idProperties().size() + ".");
        }
        Object id = model.idProperties().get(0).accessor().get(source);
        if (id != null && !Loading.isLoaded(source)) {
            merged.put(source, loader.reference(model, id, null, null));
            return null;
        }
        Object persistent = null;
        if (id != null) {
            EntityEntry known = map.get(new EntityKey(model.rootType(), id));
            if (known != null && known.status() == EntityEntry.Status.DELETED) {
                throw new AthanorException(model.name() + " " + id + " was deleted in this session, so a copy of it "
                        + "cannot be merged into it. Merge before deleting, or add the row again as a new instance.");
            }
            persistent = session.get(model.type(), id);
        }
        Item item = new Item(source, persistent == null ? source : persistent, model, persistent == null);
        if (!item.isNew) {
            checkVersion(item, id);
        }
        merged.put(source, item.target);
        items.add(item);
        return item;
    }

    private static void checkVersion(Item item, Object id) {
        PropertyModel version = item.model.version();
        if (version == null) {
            return;
        }
        Object copy = version.accessor().get(item.source);
        Object now = version.accessor().get(item.target);
        if (!Objects.equals(copy, now)) {
            throw new StaleObjectException(item.model.name() + " " + id + " was changed by someone else since this copy "
                    + "was read (version " + copy + ", now " + now + "). Reload it and apply the change again.");
        }
    }

    /**
     * Loads the session's collections that merging will change (where the copy's are loaded), batched per
     * relationship, so that the elements already in them are found in the identity map.
     */
    private void loadCollections(List<Item> found) {
        Map<RelationshipModel, List<Object>> unloaded = new LinkedHashMap<>();
        for (Item item : found) {
            if (item.isNew) {
                continue;
            }
            for (RelationshipModel r : item.model.relationships()) {
                if (r.toMany() && cascades(r) && present(r.accessor().get(item.source))
                        && r.accessor().get(item.target) instanceof LazyValue lazy && !lazy.isLoaded()) {
                    unloaded.computeIfAbsent(r, k -> new ArrayList<>()).add(item.target);
                }
            }
        }
        for (Map.Entry<RelationshipModel, List<Object>> e : unloaded.entrySet()) {
            loader.relationships().loadCollections(e.getKey(), e.getValue());
            for (Object target : e.getValue()) {
                if (e.getKey().accessor().get(target) instanceof LazyValue lazy && !lazy.isLoaded()) {
                    ((Collection<?>) lazy).size(); // not loadable in the batch: load it the ordinary way
                }
            }
        }
    }

    // ---- step two: change the session's instances; no statement ----

    /** Copies the columns onto the session's instance and points its to-one relationships at merged instances. */
    private void copyColumnsAndReferences(Item item) {
        if (!item.isNew) {
            List<PropertyModel> properties = item.model.properties();
            item.model.assigner().copy(item.source, item.target, i -> !properties.get(i).id());
        }
        for (RelationshipModel r : item.model.relationships()) {
            if (r.toMany() || !cascades(r) && !r.owning()) {
                continue;
            }
            Object value = r.accessor().get(item.source);
            if (value == null) {
                continue; // a copy without the parent (a stream's, a partly filled one) keeps the row's parent
            }
            Object to = cascades(r) ? merged.get(value) : referenceTo(value, r, item.target);
            if (to == null) {
                continue;
            }
            if (item.isNew) {
                if (to != value) {
                    r.accessor().set(item.target, to); // not in the session yet: add() links it to the other side
                }
            } else {
                setToOne(item.target, r, to);
            }
        }
    }

    /** For a relationship that does not cascade MERGE: the instance merged for {@code value}, or the session's for its key. */
    private Object referenceTo(Object value, RelationshipModel r, Object owner) {
        Object known = merged.get(value);
        if (known != null || map.holds(value)) {
            return known != null ? known : value;
        }
        EntityModel target = metadata.entity(Loading.entityClass(value));
        Object key = target.idProperties().size() == 1 ? target.idProperties().get(0).accessor().get(value) : null;
        return key == null ? value : loader.reference(target, key, r, map.entryOf(owner));
    }

    /** Sets to-one {@code r} of a session instance, telling the other side, unless it already holds that row. */
    private void setToOne(Object owner, RelationshipModel r, Object to) {
        Object old = r.accessor().get(owner);
        if (old == to || old != null && sameRow(old, to)) {
            return;
        }
        r.accessor().set(owner, to);
        Associations.toOneChanged(owner, r, old, to);
        EntityEntry e = map.entryOf(owner);
        if (e != null && r.owning()) {
            e.markToOne(r);
        }
    }

    private boolean sameRow(Object a, Object b) {
        EntityModel model = metadata.entity(Loading.entityClass(b));
        if (Loading.entityClass(a) != model.type() || model.idProperties().size() != 1) {
            return false;
        }
        Object key = model.idProperties().get(0).accessor().get(b);
        return key != null && key.equals(model.idProperties().get(0).accessor().get(a));
    }

    /** Makes each MERGE collection of the session's instance hold the merged versions of the copy's elements. */
    private void mergeCollections(Item item) {
        for (RelationshipModel r : item.model.relationships()) {
            if (!r.toMany() || !cascades(r)) {
                continue;
            }
            Object value = r.accessor().get(item.source);
            if (!present(value)) {
                continue; // not loaded in the copy: the session's collection stays as it is
            }
            List<Object> wanted = new ArrayList<>();
            Set<Object> seen = identitySet();
            for (Object element : ((Collection<?>) value).toArray()) {
                Object to = element == null ? null : merged.get(element);
                if (to != null && seen.add(to)) {
                    wanted.add(to);
                }
            }
            if (item.isNew) {
                replaceOwn(item.source, r, value, wanted);
            } else {
                update(item.target, r, wanted);
            }
        }
    }

    /**
     * Changes the session's collection in place: elements left out are removed and new ones added through
     * it, so the other side is told; a list then takes the copy's order.
     */
    @SuppressWarnings("unchecked")
    private void update(Object owner, RelationshipModel r, List<Object> wanted) {
        Collection<Object> current = (Collection<Object>) r.accessor().get(owner);
        if (current == null) {
            Collection<Object> fresh = r.collectionType() == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
            current = (Collection<Object>) Associations.wrap(owner, r, fresh);
            r.accessor().set(owner, current);
        }
        Set<Object> keep = identitySet();
        keep.addAll(wanted);
        for (java.util.Iterator<Object> it = current.iterator(); it.hasNext(); ) {
            if (!keep.contains(it.next())) {
                it.remove();
            }
        }
        Set<Object> held = identitySet();
        held.addAll(current);
        for (Object element : wanted) {
            if (held.add(element)) {
                current.add(element);
            }
        }
        if (current instanceof List && !sameOrder((List<Object>) current, wanted)) {
            if (current instanceof RawCollection) {
                ((RawCollection) current).reset(wanted); // same elements, so there is no one to tell
            } else {
                current.clear();
                current.addAll(wanted);
            }
        }
    }

    /** A new instance's own collection: its elements replaced by their merged versions; add() links them later. */
    @SuppressWarnings("unchecked")
    private static void replaceOwn(Object owner, RelationshipModel r, Object value, List<Object> wanted) {
        Collection<Object> own = (Collection<Object>) value;
        if (own.size() == wanted.size() && sameOrder(new ArrayList<>(own), wanted)) {
            return;
        }
        if (own instanceof RawCollection) {
            ((RawCollection) own).reset(wanted);
            return;
        }
        try {
            own.clear();
            own.addAll(wanted);
        } catch (UnsupportedOperationException unmodifiable) {
            r.accessor().set(owner, r.collectionType() == Set.class ? new LinkedHashSet<>(wanted) : new ArrayList<>(wanted));
        }
    }

    private static boolean sameOrder(List<Object> current, List<Object> wanted) {
        if (current.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (current.get(i) != wanted.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}

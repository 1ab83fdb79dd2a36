package io.athanor.orm.internal.sync;

import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.RelationshipModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory rules of two-way relationships, as SQLAlchemy's {@code back_populates}: adding a child to
 * a parent's collection points the child at the parent (and takes it out of its previous parent's
 * collection); setting a child's parent puts it in that parent's loaded collection; removing or clearing
 * undoes the link; one-to-one pairs and many-to-many collections likewise.
 *
 * <p>The other side is always changed raw (field handles, {@link RawCollection}), so a change is never
 * reported back. It does not load: an unloaded lazy collection queues the change and applies it after
 * loading. The one exception is replacing a whole collection, which loads the old one to find the
 * children left out.
 * Thread-safety: the registry is safe to publish to from any thread; the instances themselves follow
 * their session's rule (one thread at a time).
 */
public final class Associations {
    private static final ClassValue<Registered> MAPPINGS = new ClassValue<>() {
        @Override
        protected Registered computeValue(Class<?> type) {
            return new Registered();
        }
    };

    private Associations() {
    }

    /** The two-way relationships of one class, by field name; empty until a factory mapping it is built. */
    private static final class Registered {
        volatile Map<String, RelationshipModel> byField = Map.of();
    }

    /** Makes the two-way relationships of {@code metadata} known to enhanced classes' field writes. */
    public static void register(Metadata metadata) {
        for (EntityModel e : metadata.entities()) {
            Map<String, RelationshipModel> twoWay = new HashMap<>();
            for (RelationshipModel r : e.relationships()) {
                if (r.inverse() != null) {
                    twoWay.put(r.name(), r);
                }
            }
            Registered registered = MAPPINGS.get(e.type());
            if (registered.byField.isEmpty()) {
                registered.byField = Map.copyOf(twoWay);
            }
        }
    }

    /**
     * A write of relationship field {@code field} of {@code owner} (declared by {@code type}), from an
     * enhanced class: updates the other side and returns the value to store (a collection comes back
     * wrapped so later adds and removes are seen too).
     */
    public static Object written(Class<?> type, Object owner, String field, Object old, Object value) {
        RelationshipModel r = MAPPINGS.get(type).byField.get(field);
        if (r == null || old == value) {
            return value;
        }
        if (!r.toMany()) {
            toOneChanged(owner, r, old, value);
            return value;
        }
        if (!(value instanceof Collection)) {
            return value;
        }
        Collection<?> after = (Collection<?>) value;
        if (value instanceof RawCollection) {
            RawCollection given = (RawCollection) value;
            if (given.owner() == owner) {
                return value;
            }
            // another instance's collection: this one gets a copy of its elements, not the collection itself
            Collection<?> elements = given.all();
            after = value instanceof Set ? new java.util.LinkedHashSet<>(elements) : new java.util.ArrayList<>(elements);
        }
        // the elements it held before: loaded first if need be, so that those left out are unlinked
        Collection<?> before = old instanceof RawCollection ? ((RawCollection) old).all()
                : old instanceof Collection ? (Collection<?>) old : List.of();
        if (!before.isEmpty()) {
            Set<Object> kept = identitySet(after);
            for (Object e : before.toArray()) {
                if (e != null && !kept.contains(e)) {
                    unlinked(owner, r, e);
                }
            }
        }
        if (!after.isEmpty()) {
            Set<Object> had = before.isEmpty() ? Set.of() : identitySet(before);
            for (Object e : after.toArray()) {
                if (e != null && !had.contains(e)) {
                    linked(owner, r, e);
                }
            }
        }
        return wrap(owner, r, after);
    }

    private static Set<Object> identitySet(Collection<?> elements) {
        Set<Object> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(elements.size() * 2));
        set.addAll(elements);
        return set;
    }

    /**
     * The collection to hold in {@code owner}'s field: {@code elements} wrapped so that adds and removes
     * update the other side, or {@code elements} itself when the relationship is one-way or of another
     * collection type.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Collection<?> wrap(Object owner, RelationshipModel r, Collection<?> elements) {
        if (r.inverse() == null || elements instanceof RawCollection) {
            return elements;
        }
        if (elements instanceof List) {
            return new SyncedList(owner, r, (List) elements);
        }
        if (elements instanceof Set) {
            return new SyncedSet(owner, r, (Set) elements);
        }
        return elements;
    }

    /**
     * Gives the elements already in a new instance's collection their link back to it, where they have
     * none: what adding them one by one would have done. A child pointing elsewhere keeps its parent (the
     * owning side wins).
     */
    public static void adopt(Object owner, RelationshipModel r, Collection<?> elements) {
        RelationshipModel inverse = r.inverse();
        for (Object e : elements) {
            if (e == null) {
                continue;
            }
            if (inverse.toMany()) {
                rawAdd(inverse.accessor().get(e), owner);
            } else if (inverse.accessor().get(e) == null) {
                inverse.accessor().set(e, owner);
            }
        }
    }

    /** {@code element} was added to {@code owner}'s collection {@code r}. */
    public static void linked(Object owner, RelationshipModel r, Object element) {
        RelationshipModel inverse = r.inverse();
        if (element == null || inverse == null) {
            return;
        }
        if (inverse.toMany()) {
            rawAdd(inverse.accessor().get(element), owner);
            return;
        }
        Object previous = inverse.accessor().get(element);
        if (previous == owner) {
            return;
        }
        if (previous != null) {
            rawRemove(r.accessor().get(previous), element);
        }
        inverse.accessor().set(element, owner);
    }

    /** {@code element} was taken out of {@code owner}'s collection {@code r}. */
    public static void unlinked(Object owner, RelationshipModel r, Object element) {
        RelationshipModel inverse = r.inverse();
        if (element == null || inverse == null) {
            return;
        }
        if (inverse.toMany()) {
            rawRemove(inverse.accessor().get(element), owner);
        } else if (inverse.accessor().get(element) == owner) {
            inverse.accessor().set(element, null);
        }
    }

    /** Whether {@code element} already points at {@code owner} through the other side of {@code r}. */
    static boolean pointsAt(Object owner, RelationshipModel r, Object element) {
        RelationshipModel inverse = r.inverse();
        if (element == null || inverse == null) {
            return false;
        }
        if (inverse.toMany()) {
            Object c = inverse.accessor().get(element);
            return c instanceof Collection && containsSame(loadedView((Collection<?>) c), owner);
        }
        return inverse.accessor().get(element) == owner;
    }

    /** {@code owner}'s to-one {@code r} changed from {@code old} to {@code value}. */
    public static void toOneChanged(Object owner, RelationshipModel r, Object old, Object value) {
        RelationshipModel inverse = r.inverse();
        if (inverse == null || old == value) {
            return;
        }
        if (old != null) {
            if (inverse.toMany()) {
                rawRemove(inverse.accessor().get(old), owner);
            } else if (inverse.accessor().get(old) == owner) {
                inverse.accessor().set(old, null);
            }
        }
        if (value != null) {
            if (inverse.toMany()) {
                rawAdd(inverse.accessor().get(value), owner);
            } else {
                Object previous = inverse.accessor().get(value);
                if (previous != null && previous != owner && r.accessor().get(previous) == value) {
                    r.accessor().set(previous, null);
                }
                inverse.accessor().set(value, owner);
            }
        }
    }

    /** Adds {@code element} to {@code collection} (a relationship collection, or null) without telling the other side. */
    @SuppressWarnings("unchecked")
    public static void rawAdd(Object collection, Object element) {
        if (collection instanceof RawCollection) {
            ((RawCollection) collection).rawAdd(element);
        } else if (collection instanceof Collection) {
            Collection<Object> c = (Collection<Object>) collection;
            if (!containsSame(c, element)) {
                c.add(element);
            }
        }
    }

    /** Removes {@code element} from {@code collection} (a relationship collection, or null) without telling the other side. */
    public static void rawRemove(Object collection, Object element) {
        if (collection instanceof RawCollection) {
            ((RawCollection) collection).rawRemove(element);
        } else if (collection instanceof Collection) {
            removeSame((Collection<?>) collection, element);
        }
    }

    /** Whether {@code c} holds {@code element}: by identity for lists (entities may compare equal by a null id). */
    public static boolean containsSame(Collection<?> c, Object element) {
        if (c instanceof Set) {
            return c.contains(element);
        }
        if (c instanceof List && c instanceof java.util.RandomAccess) {
            List<?> list = (List<?>) c;
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i) == element) {
                    return true;
                }
            }
            return false;
        }
        for (Object o : c) {
            if (o == element) {
                return true;
            }
        }
        return false;
    }

    /** Removes {@code element} from {@code c} (by identity for lists); whether it was there. */
    public static boolean removeSame(Collection<?> c, Object element) {
        if (c instanceof Set) {
            return c.remove(element);
        }
        for (java.util.Iterator<?> it = c.iterator(); it.hasNext(); ) {
            if (it.next() == element) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** The elements of {@code c} without loading it: empty for an unloaded lazy collection. */
    private static Collection<?> loadedView(Collection<?> c) {
        return c instanceof RawCollection ? ((RawCollection) c).current() : c;
    }
}

package io.athanor.orm.internal.load;

import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.sync.RawCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One select-in load of a one-to-many (or the inverse side of a one-to-one) for a batch of parents: the parents by
 * the key their children refer to, and each child, as its row is read, placed with its parent (straight into the
 * parent's own plain list, cleared first, when it has one: no list in between and no copy) and pointed back at the
 * parent in hand, with no look-up; then each parent's collection finished (a set of its own filled only then, when
 * the children's own loaders have run). One load's; its thread only.
 */
final class InverseLoader implements RowLoader.RowTaker {
    private final RowLoader loader;
    private final RelationshipModel relationship;
    private final RelationshipModel back;
    private final int fkColumn;
    /** Whether children go straight into a parent's own collection (a to-many that keeps no copy of what it loaded). */
    private final boolean inPlace;
    private final Map<Object, Slot> byKey;
    /** The parents' slots, in the order first added (a key added twice keeps its place and takes the later parent). */
    private final List<Slot> slots;
    /**
     * Children read that no parent here takes: the database matched their key where Java's equals does not (text
     * compared without case or trailing spaces). Made on the first.
     */
    private List<Object> unplaced;
    /**
     * The slot the last child went to: children of one parent usually come one after another (the children's
     * statement reads them through the index on their key to the parent), so most find their parent without a look-up.
     */
    private Slot last;

    InverseLoader(RowLoader loader, RelationshipModel relationship, int fkColumn, int parents) {
        this.loader = loader;
        this.relationship = relationship;
        this.back = relationship.inverse();
        this.fkColumn = fkColumn;
        this.inPlace = relationship.toMany() && !relationship.orphanRemoval();
        this.byKey = new HashMap<>(Relationships.capacity(parents));
        this.slots = new ArrayList<>(parents);
    }

    /**
     * Adds {@code parent} (of session entry {@code entry}), whose children refer to {@code key}. Every parent is added
     * before the first child is read.
     */
    void add(Object key, Object parent, EntityEntry entry) {
        Slot known = byKey.get(key);
        if (known != null) {
            known.parent = parent;
            known.entry = entry;
            return;
        }
        Slot slot = new Slot(key, parent, entry);
        byKey.put(key, slot);
        slots.add(slot);
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    /** The keys the parents' children refer to, in the parents' order. */
    List<Object> keys() {
        List<Object> keys = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            keys.add(s.key);
        }
        return keys;
    }

    /**
     * Places a child the children's statement just read with its parent, and points its to-one back at that parent
     * unless the application cleared it or it holds another loaded instance; a child of no parent here stays out.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void take(Object child, EntityEntry ce) {
        if (ce == null || ce.instance != child) {
            ce = loader.map().entryOf(child);
        }
        Object key = ce.snapshot[fkColumn];
        Slot s = last;
        if (s == null || !s.key.equals(key)) {
            s = byKey.get(key);
            last = s;
        }
        if (s == null) {
            if (unplaced == null) {
                unplaced = new ArrayList<>();
            }
            unplaced.add(child);
            return;
        }
        if (s.elements == null) {
            Object current = inPlace ? relationship.accessor().get(s.parent) : null;
            if (current instanceof Collection && !(current instanceof LazyValue) && !(current instanceof RawCollection)) {
                if (current instanceof List) {
                    s.elements = (Collection<Object>) current;
                    s.elements.clear();
                    s.own = true;
                } else { // a set hashes or orders its elements: filled once their own loaders have run
                    s.fillLater = (Collection<Object>) current;
                    s.elements = new ArrayList<>();
                }
            } else {
                s.elements = new ArrayList<>();
            }
        }
        s.elements.add(child);
        Object parent = s.parent;
        Object current = back.accessor().get(child);
        if (current == parent) {
            return; // set already (the child's lazy reference found the parent in the session)
        }
        boolean cleared = current == null && ce.heldToOne(back);
        if (!cleared && (current == null || current != parent && !Loading.isLoaded(current))) {
            back.accessor().set(child, parent);
            ce.markToOne(back);
        }
    }

    /** Gives each parent its children (an empty collection when it has none), once every child has been taken. */
    @SuppressWarnings("unchecked")
    void attach(Relationships relationships) {
        if (unplaced != null && !back.toMany()) {
            // their statement's own loaders left the to-one to this load: a lazy reference by key, as read alone
            loader.lazyValues().setUpLazy(back, unplaced, List.of(), false);
        }
        for (Slot s : slots) {
            Object parent = s.parent;
            Collection<Object> children = s.elements == null ? List.of() : s.elements;
            if (s.fillLater != null) {
                s.fillLater.clear();
                s.fillLater.addAll(children);
                relationships.setFilledCollection(parent, s.entry, relationship, s.fillLater);
            } else if (s.own) {
                relationships.setFilledCollection(parent, s.entry, relationship, children);
            } else if (relationship.toMany()) {
                relationships.setCollection(parent, s.entry, relationship, (List<Object>) children);
            } else {
                relationship.accessor().set(parent, children.isEmpty() ? null : ((List<Object>) children).get(0));
            }
        }
    }

    /**
     * After a children's statement failed: empties each parent's own list it had started to fill, as it was before
     * the load began (a parent read with its collection); the children read stay in the session, pointed at their
     * parents.
     */
    void abandon() {
        for (Slot s : slots) {
            if (s.own) {
                s.elements.clear();
            }
        }
    }

    /** One parent and the children placed with it so far. */
    private static final class Slot {
        final Object key;
        Object parent;
        EntityEntry entry;
        /** Null until its first child; the parent's own list when {@link #own}. */
        Collection<Object> elements;
        boolean own;
        /** The parent's own collection other than a list, filled from {@link #elements} when every child is read. */
        Collection<Object> fillLater;

        Slot(Object key, Object parent, EntityEntry entry) {
            this.key = key;
            this.parent = parent;
            this.entry = entry;
        }
    }
}

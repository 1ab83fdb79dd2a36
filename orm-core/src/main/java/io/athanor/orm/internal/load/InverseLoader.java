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
 * the key their children refer to, each child placed with its parent as the statements' results are walked (straight
 * into the parent's own plain collection, cleared first, when it has one: no list in between and no copy), then each
 * parent's collection finished and each child's to-one pointed at the parent in hand, with no lookup. One load's;
 * its thread only.
 */
final class InverseLoader {
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
    /** Each child placed, its entry and its parent's slot, in the order read: what {@link #attach} points back. */
    private Object[] placed = new Object[0];
    private int placedSize;

    InverseLoader(RowLoader loader, RelationshipModel relationship, int fkColumn, int parents) {
        this.loader = loader;
        this.relationship = relationship;
        this.back = relationship.inverse();
        this.fkColumn = fkColumn;
        this.inPlace = relationship.toMany() && !relationship.orphanRemoval();
        this.byKey = new HashMap<>(Relationships.capacity(parents));
        this.slots = new ArrayList<>(parents);
    }

    /** Adds {@code parent}, whose children refer to {@code key}. */
    void add(Object key, Object parent) {
        Slot known = byKey.get(key);
        if (known != null) {
            known.parent = parent;
            return;
        }
        Slot slot = new Slot(key, parent);
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
     * Places the children one statement read with their parents, in the order read; children of no parent here stay
     * out. {@code entries} holds each child's entry at the same index, when the statement handed them out (see
     * {@link RowLoader#entriesOf}); else each is looked up.
     */
    @SuppressWarnings("unchecked")
    void collect(List<Object> children, List<EntityEntry> entries) {
        boolean given = entries != null && entries.size() == children.size();
        if (placedSize + 3 * children.size() > placed.length) {
            placed = java.util.Arrays.copyOf(placed, placedSize + 3 * children.size());
        }
        for (int i = 0; i < children.size(); i++) {
            Object child = children.get(i);
            EntityEntry ce = given ? entries.get(i) : null;
            if (ce == null || ce.instance != child) {
                ce = loader.map().entryOf(child);
            }
            Slot s = byKey.get(ce.snapshot[fkColumn]);
            if (s == null) {
                if (unplaced == null) {
                    unplaced = new ArrayList<>();
                }
                unplaced.add(child);
                continue;
            }
            if (s.elements == null) {
                Object current = inPlace ? relationship.accessor().get(s.parent) : null;
                if (current instanceof Collection && !(current instanceof LazyValue) && !(current instanceof RawCollection)) {
                    s.elements = (Collection<Object>) current;
                    s.elements.clear();
                    s.own = true;
                } else {
                    s.elements = new ArrayList<>();
                }
            }
            s.elements.add(child);
            placed[placedSize++] = child; // room made above
            placed[placedSize++] = ce;
            placed[placedSize++] = s;
        }
    }

    /**
     * Gives each parent its children (an empty collection when it has none), and points each child's to-one back
     * at its parent, unless the application cleared it or it holds another loaded instance.
     */
    @SuppressWarnings("unchecked")
    void attach(Relationships relationships) {
        if (unplaced != null && !back.toMany()) {
            // their statement's own loaders left the to-one to this load: a lazy reference by key, as read alone
            loader.lazyValues().setUpLazy(back, unplaced, List.of(), false);
        }
        for (Slot s : slots) {
            Object parent = s.parent;
            Collection<Object> children = s.elements == null ? List.of() : s.elements;
            if (s.own) {
                relationships.setFilledCollection(parent, relationship, children);
            } else if (relationship.toMany()) {
                relationships.setCollection(parent, relationship, (List<Object>) children);
            } else {
                relationship.accessor().set(parent, children.isEmpty() ? null : ((List<Object>) children).get(0));
            }
        }
        for (int i = 0; i < placedSize; i += 3) {
            Object child = placed[i];
            Object parent = ((Slot) placed[i + 2]).parent;
            Object current = back.accessor().get(child);
            if (current == parent) {
                continue; // set already (the child's lazy reference found the parent in the session)
            }
            EntityEntry ce = (EntityEntry) placed[i + 1];
            boolean cleared = current == null && ce.heldToOne(back);
            if (!cleared && (current == null || current != parent && !Loading.isLoaded(current))) {
                back.accessor().set(child, parent);
                ce.markToOne(back);
            }
        }
    }

    /** One parent and the children placed with it so far. */
    private static final class Slot {
        final Object key;
        Object parent;
        /** Null until its first child; the parent's own collection when {@link #own}. */
        Collection<Object> elements;
        boolean own;

        Slot(Object key, Object parent) {
            this.key = key;
            this.parent = parent;
        }
    }
}

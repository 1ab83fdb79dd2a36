package io.athanor.orm.internal.load;

import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.sync.RawCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one to-many node of a joined read gives each parent: the collection its children go into as their rows are
 * read. That is the parent's own plain collection, emptied when the parent is first met (what giving it the loaded
 * elements would do at the end anyway), or else a list given to it at the end; none for a parent whose relationship
 * is loaded already. Each sized for the children a parent had in the statement's last reads. The parents are kept in
 * the order first met; a map finds them only once a parent's rows turn out not to come one after another. One read's.
 */
final class JoinedChildren {
    private final RelationshipModel relationship;
    private final boolean inPlace;
    /** The children a parent is expected to have; 0 when unknown. */
    private final int perParent;
    private final List<Object> parents;
    private final List<Collection<Object>> collections;
    /** Each parent's session entry, as the read met it. */
    private final List<EntityEntry> entries;
    /** Parent to collection ({@link #NONE} when skipped), made on the first look-up. */
    private Map<Object, Collection<Object>> byParent;

    private static final Collection<Object> NONE = List.of();

    /**
     * @param inPlace  whether a parent's own plain collection may take the children as read (no other node of the read
     *                 loads this relationship, and it keeps no copy of what it loaded)
     * @param parents  the parents expected ({@code <= 0}: unknown)
     * @param children the children expected ({@code <= 0}: unknown)
     */
    JoinedChildren(RelationshipModel relationship, boolean inPlace, int parents, int children) {
        this.relationship = relationship;
        this.inPlace = inPlace && !relationship.orphanRemoval()
                && !(relationship.kind() == RelationshipModel.Kind.MANY_TO_MANY && relationship.owning());
        this.perParent = parents > 0 && children > 0 ? (children + parents - 1) / parents : 0;
        this.parents = parents > 0 ? new ArrayList<>(parents) : new ArrayList<>();
        this.collections = parents > 0 ? new ArrayList<>(parents) : new ArrayList<>();
        this.entries = parents > 0 ? new ArrayList<>(parents) : new ArrayList<>();
    }

    /** The collection for {@code parent}, met for the first time in this read; {@code null} if its children are not kept. */
    Collection<Object> start(Object parent, EntityEntry pe) {
        Collection<Object> c = open(parent, pe);
        parents.add(parent);
        collections.add(c);
        entries.add(pe);
        if (byParent != null) {
            byParent.put(parent, c);
        }
        return c == NONE ? null : c;
    }

    /** The collection for {@code parent}, which this read may have met before; {@code null} if its children are not kept. */
    Collection<Object> of(Object parent, EntityEntry pe) {
        if (byParent == null) {
            byParent = new IdentityHashMap<>(Math.max(parents.size() * 2, 16));
            for (int i = 0; i < parents.size(); i++) {
                byParent.put(parents.get(i), collections.get(i));
            }
        }
        Collection<Object> c = byParent.get(parent);
        if (c == null) {
            return start(parent, pe);
        }
        return c == NONE ? null : c;
    }

    @SuppressWarnings("unchecked")
    private Collection<Object> open(Object parent, EntityEntry pe) {
        if (pe == null || pe.isLoaded(relationship.name())) {
            return NONE;
        }
        if (inPlace) {
            Object current = relationship.accessor().get(parent);
            if (current instanceof Collection && !(current instanceof LazyValue) && !(current instanceof RawCollection)) {
                Collection<Object> own = (Collection<Object>) current;
                own.clear();
                if (perParent > 0 && own instanceof ArrayList) {
                    ((ArrayList<Object>) own).ensureCapacity(perParent);
                }
                return own;
            }
        }
        return perParent > 0 ? new ArrayList<>(perParent) : new ArrayList<>();
    }

    /** Gives each parent met its children, as {@link Relationships#setCollection} does, in the order first met. */
    @SuppressWarnings("unchecked")
    void attach(Relationships relationships, RowLoader loader) {
        for (int i = 0; i < parents.size(); i++) {
            Collection<Object> c = collections.get(i);
            if (c == NONE) {
                continue;
            }
            Object parent = parents.get(i);
            EntityEntry pe = entries.get(i);
            if (pe == null || pe.instance != parent || !pe.held() || !loader.context().isOpen()) {
                pe = loader.map().entryOf(parent); // no look-up by identity while the entry read is still the session's
            }
            if (pe == null || pe.isLoaded(relationship.name())) {
                continue;
            }
            if (c == relationship.accessor().get(parent)) {
                relationships.setFilledCollection(parent, pe, relationship, c);
            } else {
                relationships.setCollection(parent, pe, relationship, (List<Object>) c);
            }
        }
    }
}

package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.RowLoader;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.sync.Associations;
import io.athanor.orm.internal.sync.RawCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What deleting an entity does to the entities that refer to it, settled at the start of a flush (SQLAlchemy's
 * dependency processor for a deleted parent). For each deleted parent and each one-to-many or inverse one-to-one
 * relationship that neither cascades REMOVE nor is passive: the children not loaded yet are loaded (one statement
 * per relationship per batch of parents), then each child that still refers to the parent has that reference set
 * to null and leaves the parent's collection, so the flush UPDATEs its foreign key to NULL before the parent's
 * DELETE; with {@code orphanRemoval} the child is deleted instead. A NOT NULL foreign key is reported before
 * anything is written. Deleted entities also leave the loaded many-to-many collections of the entities that stay,
 * so that no link to them is written; their link rows are deleted by persistence.
 *
 * <p>Every change made in memory can be undone, for a flush that fails afterwards. One per flush; the session's
 * thread only.
 */
final class ParentDeletes {
    private final UnitOfWork work;
    private final FlushContext context;
    private final IdentityMap map;
    private final RowLoader loader;
    /** How to put back each change made in memory, in the order made. */
    private final List<Runnable> undo = new ArrayList<>();
    private boolean inTransaction;

    private ParentDeletes(UnitOfWork work, FlushContext context, IdentityMap map, RowLoader loader) {
        this.work = work;
        this.context = context;
        this.map = map;
        this.loader = loader;
    }

    /**
     * Settles what the deleted entries of {@code map} (all among {@code visit}) do to the entities that refer to them: loads, clears or
     * deletes children, and takes deleted entities out of loaded many-to-many collections.
     *
     * @throws AthanorException before any change, when a child's foreign key cannot be set to NULL
     */
    static ParentDeletes prepare(UnitOfWork work, FlushContext context, IdentityMap map, RowLoader loader,
                                 List<EntityEntry> visit) {
        ParentDeletes deletes = new ParentDeletes(work, context, map, loader);
        List<EntityEntry> deleted = deletedIn(visit, null); // every deleted entry is visited, each once
        if (!deleted.isEmpty()) {
            deletes.clearChildren(deleted);
            deletes.leaveLinkedCollections();
        }
        return deletes;
    }

    /** Puts back what {@link #prepare} changed in memory, latest change first: the flush that followed failed. */
    void undo() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    private static List<EntityEntry> deletedIn(List<EntityEntry> entries, Set<EntityEntry> seen) {
        List<EntityEntry> deleted = new ArrayList<>();
        for (EntityEntry e : entries) {
            if (e.status() == EntityEntry.Status.DELETED && (seen == null || seen.add(e))) {
                deleted.add(e);
            }
        }
        return deleted;
    }

    /** Whether deleting an entity on the owning side of {@code r} must clear (or delete) the children itself. */
    private static boolean clearsChildren(RelationshipModel r) {
        boolean inverseOfToOne = r.kind() == RelationshipModel.Kind.ONE_TO_MANY
                || r.kind() == RelationshipModel.Kind.ONE_TO_ONE && !r.owning();
        return inverseOfToOne && r.inverse() != null && r.inverse().joinColumns().size() == 1
                && !r.passiveDeletes() && !r.cascade().contains(CascadeType.REMOVE);
    }

    /**
     * Round by round (an orphan deleted here may have children of its own): loads the children of the parents
     * deleted so far, deletes orphans, and notes the children to clear; then checks and clears them.
     */
    private void clearChildren(List<EntityEntry> deleted) {
        Set<EntityEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(deleted);
        List<Child> toClear = new ArrayList<>();
        List<EntityEntry> round = deleted;
        while (!round.isEmpty()) {
            Map<RelationshipModel, List<EntityEntry>> byRelationship = new LinkedHashMap<>();
            for (EntityEntry e : round) {
                for (RelationshipModel r : e.model.relationships()) {
                    if (clearsChildren(r)) {
                        byRelationship.computeIfAbsent(r, k -> new ArrayList<>()).add(e);
                    }
                }
            }
            for (Map.Entry<RelationshipModel, List<EntityEntry>> p : byRelationship.entrySet()) {
                load(p.getKey(), p.getValue());
            }
            for (Child c : childrenOf(byRelationship)) {
                if (c.relationship.orphanRemoval()) {
                    work.delete(c.entry.instance);
                } else {
                    toClear.add(c);
                }
            }
            round = deletedIn(new ArrayList<>(map.entries()), seen);
        }
        toClear.removeIf(c -> map.entryOf(c.entry.instance) != c.entry || c.entry.status() == EntityEntry.Status.DELETED);
        for (Child c : toClear) {
            checkNullable(c);
        }
        for (Child c : toClear) {
            clear(c);
        }
    }

    /** Loads the children of {@code deleted} through {@code r}, in the transaction the flush writes in. */
    private void load(RelationshipModel r, List<EntityEntry> deleted) {
        List<Object> instances = new ArrayList<>(deleted.size());
        for (EntityEntry e : deleted) {
            instances.add(e.instance);
        }
        if (!inTransaction) {
            context.transaction();
            inTransaction = true;
        }
        loader.relationships().loadChildrenOf(r, instances);
    }

    /** A child that refers to a deleted parent through the inverse of {@code relationship}. */
    private static final class Child {
        final EntityEntry entry;
        final RelationshipModel relationship;
        final Object parent;
        final WritePlan.Column column;

        Child(EntityEntry entry, RelationshipModel relationship, Object parent, WritePlan.Column column) {
            this.entry = entry;
            this.relationship = relationship;
            this.parent = parent;
            this.column = column;
        }
    }

    /** The children in the session (new or persistent) that refer now to one of the parents of {@code byRelationship}. */
    private List<Child> childrenOf(Map<RelationshipModel, List<EntityEntry>> byRelationship) {
        Map<Class<?>, List<Reference>> byChildType = new HashMap<>();
        for (Map.Entry<RelationshipModel, List<EntityEntry>> p : byRelationship.entrySet()) {
            Reference ref = new Reference(p.getKey(), p.getValue());
            byChildType.computeIfAbsent(p.getKey().target(), k -> new ArrayList<>()).add(ref);
        }
        List<Child> children = new ArrayList<>();
        for (EntityEntry e : new ArrayList<>(map.entries())) {
            List<Reference> refs = e.status() == EntityEntry.Status.DELETED ? null : referencesTo(byChildType, e.model.type());
            if (refs == null) {
                continue;
            }
            for (Reference ref : refs) {
                Object parent = ref.parentOf(e);
                if (parent != null) {
                    children.add(new Child(e, ref.relationship, parent, ref.column));
                }
            }
        }
        return children;
    }

    /**
     * The references of {@code byChildType} whose target is {@code type} or a superclass of it (a child of a
     * hierarchy is held by collections of the classes it extends); {@code null} when none.
     */
    private static List<Reference> referencesTo(Map<Class<?>, List<Reference>> byChildType, Class<?> type) {
        List<Reference> refs = null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Reference> found = byChildType.get(c);
            if (found != null && refs == null) {
                refs = found;
            } else if (found != null) {
                refs = new ArrayList<>(refs);
                refs.addAll(found);
            }
        }
        return refs;
    }

    /**
     * {@code r} as {@code child}'s class maps it: a subclass has its own model of each relationship it inherits,
     * whose place in the entry's bookkeeping of to-ones is that class's.
     */
    private static RelationshipModel own(EntityEntry child, RelationshipModel r) {
        for (RelationshipModel mine : child.model.relationships()) {
            if (mine.name().equals(r.name())) {
                return mine;
            }
        }
        return r;
    }

    /** One relationship's deleted parents, found from a child by instance or by the key its row refers to. */
    private final class Reference {
        final RelationshipModel relationship;
        final RelationshipModel back;
        final WritePlan.Column column;
        final int index;
        final Set<Object> instances = Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<Object, Object> byKey = new HashMap<>();

        Reference(RelationshipModel relationship, List<EntityEntry> deleted) {
            this.relationship = relationship;
            this.back = relationship.inverse();
            WritePlan plan = context.plan(context.metadata().entity(relationship.target()));
            this.index = columnOf(plan, back.joinColumns().get(0));
            this.column = plan.columns.get(index);
            int keyColumn = columnOf(context.plan(context.metadata().entity(relationship.owner())),
                    back.referencedColumns().get(0));
            for (EntityEntry p : deleted) {
                instances.add(p.instance);
                if (p.snapshot != null && p.snapshot[keyColumn] != null) {
                    byKey.put(p.snapshot[keyColumn], p.instance);
                }
            }
        }

        /**
         * The deleted parent {@code child} refers to now: the one its field holds, or, where the field holds
         * nothing it was ever given (a key field sharing the column, or a row read without its references),
         * the one whose key the column holds.
         */
        Object parentOf(EntityEntry child) {
            Object current = back.accessor().get(child.instance);
            if (current != null) {
                return instances.contains(current) ? current : null;
            }
            Object key;
            if (column.property != null) {
                key = column.property.accessor().get(child.instance);
            } else if (!child.heldToOne(own(child, back)) && child.snapshot != null) {
                key = child.snapshot[index];
            } else {
                return null;
            }
            return key == null ? null : byKey.get(key);
        }
    }

    private static int columnOf(WritePlan plan, String column) {
        for (int i = 0; i < plan.columns.size(); i++) {
            if (plan.columns.get(i).model.name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + column + " in " + plan.table);
    }

    private void checkNullable(Child c) {
        PropertyModel shared = c.column.property;
        if (c.column.model.nullable() && (shared == null || !shared.javaType().isPrimitive())) {
            return;
        }
        EntityModel parent = context.metadata().entity(c.relationship.owner());
        EntityEntry p = map.entryOf(c.parent);
        String child = c.entry.model.name();
        String children = c.relationship.name();
        throw new AthanorException("Cannot delete " + parent.name() + (p == null || !p.hasKey() ? "" : " " + p.id())
                + ": its " + (!c.entry.hasKey() ? "new " + child : child + " " + c.entry.id()) + " refers to it through "
                + c.entry.model.table().fullName() + "." + c.column.model.name() + ", which cannot be null; cascade REMOVE on "
                + c.relationship + ", delete the " + children + " first, or map passiveDeletes = true if the database "
                + "deletes them (ON DELETE CASCADE).");
    }

    /** Sets the child's reference (and a key field sharing its column) to null, and takes it out of the parent's collection. */
    private void clear(Child c) {
        EntityEntry e = c.entry;
        RelationshipModel back = c.relationship.inverse();
        Object before = back.accessor().get(e.instance);
        long toOnes = e.toOnesSet;
        back.accessor().set(e.instance, null);
        e.markToOne(own(e, back));
        PropertyModel shared = c.column.property;
        Object sharedBefore = shared == null ? null : shared.accessor().get(e.instance);
        if (shared != null) {
            shared.accessor().set(e.instance, null);
        }
        undo.add(() -> {
            back.accessor().set(e.instance, before);
            e.toOnesSet = toOnes;
            if (shared != null) {
                shared.accessor().set(e.instance, sharedBefore);
            }
        });
        Object held = c.relationship.accessor().get(c.parent);
        if (c.relationship.toMany()) {
            if (held instanceof Collection && !(held instanceof LazyValue && !((LazyValue) held).isLoaded())
                    && Associations.containsSame(loadedView(held), e.instance)) {
                Associations.rawRemove(held, e.instance);
                undo.add(() -> Associations.rawAdd(held, e.instance));
            }
        } else if (held == e.instance) {
            c.relationship.accessor().set(c.parent, null);
            undo.add(() -> c.relationship.accessor().set(c.parent, held));
        }
    }

    private static Collection<?> loadedView(Object collection) {
        return collection instanceof RawCollection ? ((RawCollection) collection).current() : (Collection<?>) collection;
    }

    /**
     * Takes the deleted entities out of the loaded many-to-many collections (both sides) of the entities that stay,
     * and out of the links those were loaded with, so that the flush neither inserts nor deletes a link to them:
     * their link rows go with them.
     */
    private void leaveLinkedCollections() {
        Set<Object> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Class<?>> goneTypes = new java.util.HashSet<>();
        for (EntityEntry e : map.entries()) {
            if (e.status() == EntityEntry.Status.DELETED) {
                gone.add(e.instance);
                for (Class<?> c = e.model.type(); c != null && c != Object.class; c = c.getSuperclass()) {
                    goneTypes.add(c); // collections of a superclass may hold it too
                }
            }
        }
        for (EntityEntry e : new ArrayList<>(map.entries())) {
            if (e.status() == EntityEntry.Status.DELETED || e.hollow) {
                continue;
            }
            for (RelationshipModel r : e.model.relationships()) {
                if (r.kind() == RelationshipModel.Kind.MANY_TO_MANY && goneTypes.contains(r.target())) {
                    leave(e, r, gone);
                }
            }
        }
    }

    private void leave(EntityEntry e, RelationshipModel r, Set<Object> gone) {
        Object held = r.accessor().get(e.instance);
        if (!(held instanceof Collection) || held instanceof LazyValue && !((LazyValue) held).isLoaded()) {
            return;
        }
        for (Object element : loadedView(held).toArray()) {
            if (element != null && gone.contains(element)) {
                Associations.rawRemove(held, element);
                undo.add(() -> Associations.rawAdd(held, element));
                List<Object> links = e.loadedLinks() == null ? null : e.loadedLinks().get(r.name());
                if (links != null && Associations.removeSame(links, element)) {
                    undo.add(() -> links.add(element));
                }
            }
        }
    }
}

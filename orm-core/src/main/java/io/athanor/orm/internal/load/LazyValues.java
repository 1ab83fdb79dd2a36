package io.athanor.orm.internal.load;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.NPlusOneException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.state.LoadGroup;
import io.athanor.orm.query.Load;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lazy values of SELECT and RAISE relationships for one session: set up after a query's rows (collections, and
 * references by key), loaded on first use, made again for the collections a rollback expires; and N+1 detection of
 * those loads. Made by {@link RowLoader} on first need; its thread only.
 */
final class LazyValues {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("io.athanor.orm.loading");

    private final RowLoader loader;
    private Set<RelationshipModel> warned; // made on the first warning

    LazyValues(RowLoader loader) {
        this.loader = loader;
    }

    /**
     * Gives {@code parents} lazy values for {@code r} that load, when used, with {@code loads} (the options
     * below {@code r}, as options of a query of its target): a lazy collection applies them to its elements
     * as one group, a reference to the row it loads.
     */
    void setUpLazy(RelationshipModel r, List<Object> parents, List<Load> loads, boolean raise) {
        if (Relationships.isDynamic(r)) {
            loader.relationships().setUpDynamic(r, parents);
            return;
        }
        List<Object> eager = null;
        int fkColumn = r.owning() && !r.toMany() && r.joinColumns().size() == 1
                ? Relationships.columnOf(loader.context().metadata().entity(r.owner()), r.joinColumns().get(0)) : -1;
        EntityModel target = loader.context().metadata().entity(r.target());
        boolean byKey = fkColumn >= 0 && target.idProperties().size() == 1
                && target.idProperties().get(0).column().name().equals(r.referencedColumns().get(0))
                && (raise || !Loading.polymorphic(target));
        for (Object p : parents) {
            EntityEntry entry = loader.map().entryOf(p);
            if (entry == null || entry.isLoaded(r.name())) {
                continue;
            }
            Object current = r.accessor().get(p);
            if (r.toMany()) {
                if (current instanceof LazyValue && !((LazyValue) current).isLoaded()) {
                    if (!raise) {
                        adopt(current, loads);
                    }
                    continue;
                }
                LazyCollection.Loader loader = raise ? new RaisingLoader(r) : new CollectionLoader(p, r, loads, false);
                r.accessor().set(p, r.collectionType() == Set.class ? new LazySet<>(loader, p, r) : new LazyList<>(loader, p, r));
            } else if (byKey) {
                if (current != null || entry.heldToOne(r)) {
                    continue; // set up already, or cleared by the application since
                }
                Object key = entry.snapshot == null ? null : entry.snapshot[fkColumn];
                if (key != null) {
                    r.accessor().set(p, raise ? loader.raisingReference(target, key, r)
                            : loader.reference(target, key, r, entry, loads));
                    entry.markToOne(r);
                }
            } else if (!raise) {
                if (eager == null) {
                    eager = new ArrayList<>();
                }
                eager.add(p);
            }
        }
        if (eager != null) {
            loader.relationships().loadEagerly(r, eager, loads, null);
        }
    }

    /** Gives {@code value}, if an unloaded collection made for a reference, the options of the plan that met it. */
    private static void adopt(Object value, List<Load> loads) {
        Object l = value instanceof LazyCollection ? ((LazyCollection<?, ?>) value).loader() : null;
        if (l instanceof CollectionLoader && ((CollectionLoader) l).provisional) {
            ((CollectionLoader) l).loads = loads;
            ((CollectionLoader) l).provisional = false;
        }
    }

    /**
     * Forgets what {@code owner}'s loaded collections hold (after a rollback): each becomes a lazy collection
     * that reads the database again on first use; with {@code unloadedToo}, unloaded lazy ones (another session's)
     * are replaced too. Dynamic relationships need nothing.
     */
    void expireCollections(Object owner, boolean unloadedToo) {
        EntityEntry entry = loader.map().entryOf(owner);
        if (entry == null || entry.hollow) {
            return;
        }
        for (RelationshipModel r : entry.model.relationships()) {
            if (!r.toMany() || Relationships.isDynamic(r)) {
                continue;
            }
            Object current = r.accessor().get(owner);
            if (!unloadedToo && current instanceof LazyValue && !((LazyValue) current).isLoaded()) {
                continue;
            }
            entry.unmarkLoaded(r.name());
            if (entry.loadedElements() != null) {
                entry.loadedElements().remove(r.name());
            }
            if (entry.loadedLinks() != null) {
                entry.loadedLinks().remove(r.name());
            }
            LazyCollection.Loader l = new CollectionLoader(owner, r, List.of(), true);
            r.accessor().set(owner, r.collectionType() == Set.class ? new LazySet<>(l, owner, r) : new LazyList<>(l, owner, r));
        }
    }

    /**
     * Gives a new lazy reference unloaded collections for its two-way to-many relationships, so changes
     * made from the other side before it loads (a child leaving it) wait in them instead of being lost.
     * They take the options of the first query whose plan loads them lazily (the one that loads the reference).
     */
    void setUpCollectionsOfReference(Object proxy, EntityModel target) {
        for (RelationshipModel r : target.relationships()) {
            if (r.toMany() && r.inverse() != null && !Relationships.isDynamic(r)) {
                CollectionLoader loader = new CollectionLoader(proxy, r, List.of(), true);
                r.accessor().set(proxy, r.collectionType() == Set.class ? new LazySet<>(loader, proxy, r)
                        : new LazyList<>(loader, proxy, r));
            }
        }
    }

    /** Loads one lazy collection on its first use; {@code loads} apply to its elements, all in one go. */
    void loadLazily(Object parent, RelationshipModel r, List<Load> loads) {
        EntityEntry entry = loader.context().isOpen() ? loader.map().entryOf(parent) : null;
        if (entry == null) {
            throw Relationships.detached(r, parent);
        }
        if (entry.hollow) {
            Loading.load(parent);
        }
        noteLazyLoad(entry, r);
        loader.relationships().loadEagerly(r, List.of(parent), loads, null);
        Object value = r.accessor().get(parent);
        if (value instanceof LazyValue && !((LazyValue) value).isLoaded()) {
            ((LazyValue) value).fill(List.of());
        }
    }

    /** Counts a lazy load of {@code r} for an instance loaded with others, and warns or fails at the second. */
    void noteLazyLoad(EntityEntry owner, RelationshipModel r) {
        NPlusOne mode = loader.context().nPlusOne();
        LoadGroup group = owner == null ? null : owner.group;
        if (mode == NPlusOne.OFF || group == null || group.size < 2 || group.fired(r) < 2) {
            return;
        }
        String attr = r.owner().getSimpleName() + "_." + r.name();
        String message = "N+1 queries: " + r + " is being loaded lazily, one statement per instance, for the " + group.size
                + " " + r.owner().getSimpleName() + " instances one query returned. Load it for all of them in one statement: "
                + "add .options(selectinLoad(" + attr + ")) (or joinedLoad) to that query, or map it with fetch = "
                + "FetchMode.SELECTIN.";
        if (mode == NPlusOne.FAIL) {
            throw new NPlusOneException(message);
        }
        if (warned == null) {
            warned = new HashSet<>();
        }
        if (warned.add(r)) {
            LOG.warn(message);
        }
    }

    /** Loads a SELECT collection through the session, on first use, with the options below it. */
    private final class CollectionLoader implements LazyCollection.Loader {
        private final Object parent;
        private final RelationshipModel relationship;
        private List<Load> loads;
        /** Made for a lazy reference before any query planned it: takes the options of the first that does. */
        private boolean provisional;

        CollectionLoader(Object parent, RelationshipModel relationship, List<Load> loads, boolean provisional) {
            this.parent = parent;
            this.relationship = relationship;
            this.loads = loads;
            this.provisional = provisional;
        }

        @Override
        public Collection<?> load() {
            loadLazily(parent, relationship, loads);
            return List.of();
        }
    }

    /** A RAISE collection: every use throws. */
    private static final class RaisingLoader implements LazyCollection.Loader {
        private final RelationshipModel relationship;

        RaisingLoader(RelationshipModel relationship) {
            this.relationship = relationship;
        }

        @Override
        public Collection<?> load() {
            throw RaiseHandler.error(relationship);
        }
    }
}

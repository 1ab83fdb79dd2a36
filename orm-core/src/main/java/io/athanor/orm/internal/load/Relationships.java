package io.athanor.orm.internal.load;

import io.athanor.orm.internal.state.LazyValue;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.DetachedInstanceException;
import io.athanor.orm.DynamicCollection;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.ColumnModel;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.sync.Associations;
import io.athanor.orm.internal.sync.RawCollection;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.DerivedTable;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Load;
import io.athanor.orm.query.Order;
import io.athanor.orm.query.ReferenceAttribute;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Sql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads relationships for one session: the statements of SELECTIN and SUBQUERY (lazy loads run them too), the
 * collections they and the other loaders fill, and DYNAMIC collections. {@link LazyValues} sets up the lazy values
 * of SELECT and RAISE.
 */
public final class Relationships {
    public static final int BATCH = 500;

    private final RowLoader loader;
    /**
     * Relationships being loaded further up (with how many times), so that the inverse of one is left to it:
     * its children get their back reference from the loader above. The same relationship may recurse (a tree).
     */
    private final Map<RelationshipModel, Integer> loadingNow = new HashMap<>();
    /**
     * The statement a select-in load is reading children with, by keys, and the to-one that load then points at the
     * parents in hand (the inverse of the collection): that statement's own loaders leave it alone. Nested loads set
     * and restore their own.
     */
    private Select<?> linkedQuery;
    private RelationshipModel linkedBack;

    Relationships(RowLoader loader) {
        this.loader = loader;
    }

    // ---- eager loading: SELECTIN and SUBQUERY ----

    void loadEagerly(RelationshipModel r, List<Object> parents, List<Load> loads, Select<?> parentQuery) {
        if (parents.isEmpty()) {
            return;
        }
        Map<String, List<Object>> byShard = byOtherShard(parents);
        if (byShard != null) {
            for (Map.Entry<String, List<Object>> group : byShard.entrySet()) {
                loader.context().onShard(group.getKey(), () -> {
                    loadEagerly(r, group.getValue(), loads, null);
                    return null;
                });
            }
            return;
        }
        if (parentQuery != null && !loader.context().sameDatabase(r.owner(), r.target())) {
            parentQuery = null; // the parents' query cannot be a subquery of a statement sent to another database
        }
        if (isDynamic(r)) {
            setUpDynamic(r, parents);
            return;
        }
        if (r.inverse() != null && loadingNow.containsKey(r.inverse())) {
            return;
        }
        loadingNow.merge(r, 1, Integer::sum);
        try {
            if (r.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
                new LinkLoader(loader).load(r, parents, loads);
            } else if (!r.owning()) {
                loadByInverse(r, parents, loads, parentQuery);
            } else if (!r.toMany()) {
                loadReference(r, parents, loads, parentQuery);
            }
        } finally {
            loadingNow.computeIfPresent(r, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** The parents grouped by shard when any lives in a shard other than the current one; else null. */
    private Map<String, List<Object>> byOtherShard(List<Object> parents) {
        String current = loader.context().shard();
        EntityEntry first = loader.map().entryOf(parents.get(0));
        if (current == null && (first == null || first.shard == null)) {
            return null; // not sharded: no instance carries a shard
        }
        Map<String, List<Object>> out = null;
        for (Object p : parents) {
            EntityEntry e = loader.map().entryOf(p);
            String shard = e == null ? current : e.shard;
            if (out == null && java.util.Objects.equals(shard, current)) {
                continue;
            }
            if (out == null) {
                out = new java.util.LinkedHashMap<>();
                int i = parents.indexOf(p);
                if (i > 0) {
                    out.put(current, new ArrayList<>(parents.subList(0, i)));
                }
            }
            out.computeIfAbsent(shard, k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    /**
     * Loads to-many {@code r} of those {@code parents} that have not loaded it, in batched statements, as a
     * SELECTIN load would: no N+1 count, and a RAISE mapping does not raise (what a merge needs).
     */
    public void loadCollections(RelationshipModel r, List<Object> parents) {
        loadEagerly(r, parents, List.of(), null);
    }

    private static boolean loaded(EntityEntry e, RelationshipModel r) {
        return e.isLoaded(r.name());
    }

    private static void markLoaded(EntityEntry e, RelationshipModel r) {
        e.markLoaded(r.name());
    }

    /** One-to-many, and the inverse side of a one-to-one: the children hold the key. */
    private void loadByInverse(RelationshipModel r, List<Object> parents, List<Load> loads, Select<?> parentQuery) {
        RelationshipModel back = r.inverse();
        if (back.joinColumns().size() != 1) {
            throw new AthanorException(r + " joins on several columns, which relationship loading does not support yet; "
                    + "query the children with a join instead.");
        }
        EntityModel parentModel = loader.context().metadata().entity(r.owner());
        int keyColumn = columnOf(parentModel, back.referencedColumns().get(0));
        EntityModel childModel = loader.context().metadata().entity(r.target());
        InverseLoader batch = new InverseLoader(loader, r, columnOf(childModel, back.joinColumns().get(0)), parents.size());
        for (Object p : parents) {
            EntityEntry entry = loader.map().entryOf(p);
            if (entry == null || entry.snapshot == null || loaded(entry, r)) {
                continue;
            }
            Object key = entry.snapshot[keyColumn];
            if (key != null) {
                markLoaded(entry, r);
                batch.add(key, p, entry);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            children(r, batch.keys(), loads, parentQuery, batch);
        } catch (RuntimeException | Error e) {
            batch.abandon();
            throw e;
        }
        batch.attach(this);
    }

    /**
     * Reads the children that refer to the parent keys {@code keys} through one-to-many or inverse one-to-one
     * {@code r} into the session, and gives them to {@code batch} when not null: one statement per {@link #BATCH}
     * keys, or one in all through {@code parentQuery}. Read by keys, every child has its parent in {@code batch},
     * which points it back there: the statements' own loaders leave that to-one alone ({@link #linkedAbove}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void children(RelationshipModel r, List<Object> keys, List<Load> loads, Select<?> parentQuery,
                          InverseLoader batch) {
        RelationshipModel back = r.inverse();
        EntityModel parentModel = loader.context().metadata().entity(r.owner());
        EntityModel childModel = loader.context().metadata().entity(r.target());
        ReferenceAttribute fk = new ReferenceAttribute(childModel.type(), back.name(), parentModel.type());
        Load[] options = loads.toArray(new Load[0]);
        Expression<Boolean> bySubquery = parentQuery == null || keys.size() < 2 ? null
                : keysOf(parentQuery, parentModel, back.referencedColumns().get(0), fk);
        boolean linked = batch != null && bySubquery == null;
        int step = bySubquery != null ? keys.size() : BATCH;
        for (int from = 0; from < keys.size(); from += step) {
            Expression<Boolean> condition = bySubquery != null ? bySubquery
                    : inBatch(fk, keys.subList(from, Math.min(keys.size(), from + step)));
            Select<Object> q = (Select<Object>) (Select) Sql.select(childModel.type()).where(condition)
                    .orderBy(orderOf(r, childModel)).options(options);
            Select<?> outerQuery = linkedQuery;
            RelationshipModel outerBack = linkedBack;
            if (linked) {
                linkedQuery = q;
                linkedBack = back;
            }
            List<Object> read;
            RowLoader.Handout handout = batch == null ? null : loader.handOut(q, batch); // each child placed as read
            try {
                read = loader.context().list(q);
            } finally {
                if (handout != null) {
                    loader.endHandOut(handout);
                }
                linkedQuery = outerQuery;
                linkedBack = outerBack;
            }
            if (handout != null && !handout.taken) { // read by a path that hands out no rows: placed from the result
                for (Object child : read) {
                    batch.take(child, null);
                }
            }
        }
    }

    /**
     * Whether the to-one {@code r} of the instances {@code query} read is pointed at their parents by the select-in
     * load that runs {@code query} (see {@link #linkedQuery}): its own loader then leaves it alone.
     */
    boolean linkedAbove(RelationshipModel r, Select<?> query) {
        return query != null && query == linkedQuery && r == linkedBack;
    }

    /**
     * Brings into the session every child that refers to one of {@code parents} through one-to-many or inverse
     * one-to-one {@code r}, for a flush that deletes the parents: one statement per {@link #BATCH} parents whose
     * relationship is not loaded yet. A collection is filled and marked loaded; a dynamic one stays a query.
     */
    public void loadChildrenOf(RelationshipModel r, List<Object> parents) {
        if (r.owning() || r.kind() == RelationshipModel.Kind.MANY_TO_MANY || r.inverse() == null) {
            throw new IllegalArgumentException(r + " is not the inverse side of a to-one relationship");
        }
        if (!isDynamic(r)) {
            loadEagerly(r, parents, List.of(), null);
            return;
        }
        if (r.inverse().joinColumns().size() != 1) {
            throw new AthanorException(r + " joins on several columns, which relationship loading does not support yet.");
        }
        int keyColumn = columnOf(loader.context().metadata().entity(r.owner()), r.inverse().referencedColumns().get(0));
        List<Object> keys = new ArrayList<>();
        for (Object p : parents) {
            EntityEntry entry = loader.map().entryOf(p);
            if (entry != null && entry.snapshot != null && entry.snapshot[keyColumn] != null) {
                keys.add(entry.snapshot[keyColumn]);
            }
        }
        if (!keys.isEmpty()) {
            children(r, keys, List.of(), null, null);
        }
    }

    /** {@code column IN (keys)}: one array parameter on PostgreSQL, a list of parameters elsewhere. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Expression<Boolean> inBatch(Expression column, List<Object> keys) {
        Expression<Boolean> any = AnyOfKeys.of(loader, column, keys);
        return any != null ? any : column.in(keys);
    }

    /** The parent query again, selecting only the key the children refer to, as the right side of {@code fk IN (...)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<Boolean> keysOf(Select<?> parentQuery, EntityModel parentModel, String keyColumn,
                                              Expression<?> fk) {
        if (!(parentQuery.entitySource() instanceof Class)) {
            return null;
        }
        PropertyModel key = propertyOf(parentModel, keyColumn);
        if (key == null) {
            return null;
        }
        Attribute keyAttribute = new Attribute(parentModel.type(), key.path(), key.javaType());
        DerivedTable parents = parentQuery.withOnlyColumns(keyAttribute.as("athanor_key")).as("athanor_parents");
        Select<?> keys = Sql.select(parents.column("athanor_key", key.javaType())).from(parents);
        return ((Expression) fk).in(keys);
    }

    private static PropertyModel propertyOf(EntityModel model, String column) {
        for (PropertyModel p : model.properties()) {
            if (p.column().name().equals(column)) {
                return p;
            }
        }
        return null;
    }

    /** Owning to-one: the parents hold the key. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void loadReference(RelationshipModel r, List<Object> parents, List<Load> loads, Select<?> parentQuery) {
        if (r.joinColumns().size() != 1) {
            throw new AthanorException(r + " joins on several columns, which relationship loading does not support yet.");
        }
        EntityModel owner = loader.context().metadata().entity(r.owner());
        EntityModel target = loader.context().metadata().entity(r.target());
        int fkColumn = columnOf(owner, r.joinColumns().get(0));
        Map<Object, List<Object>> ownersByKey = new LinkedHashMap<>();
        for (Object p : parents) {
            EntityEntry entry = loader.map().entryOf(p);
            if (entry == null || entry.snapshot == null || loaded(entry, r)) {
                continue;
            }
            Object key = entry.snapshot[fkColumn];
            Object current = r.accessor().get(p);
            markLoaded(entry, r);
            if (key != null && (current == null || !Loading.isLoaded(current))) {
                ownersByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
        }
        if (ownersByKey.isEmpty()) {
            return;
        }
        PropertyModel keyProperty = propertyOf(target, r.referencedColumns().get(0));
        Attribute key = new Attribute(target.type(), keyProperty.path(), keyProperty.javaType());
        int keyColumn = columnOf(target, r.referencedColumns().get(0));
        Load[] options = loads.toArray(new Load[0]);
        List<Object> keys = new ArrayList<>(ownersByKey.keySet());
        Expression<Boolean> bySubquery = null;
        if (parentQuery != null && keys.size() > 1 && parentQuery.entitySource() instanceof Class) {
            ReferenceAttribute fk = new ReferenceAttribute(owner.type(), r.name(), target.type());
            DerivedTable ps = parentQuery.withOnlyColumns(fk.as("athanor_key")).as("athanor_parents");
            bySubquery = key.in(Sql.select(ps.column("athanor_key", keyProperty.javaType())).from(ps));
        }
        int step = bySubquery != null ? keys.size() : BATCH;
        for (int from = 0; from < keys.size(); from += step) {
            Expression<Boolean> condition = bySubquery != null ? bySubquery
                    : inBatch(key, keys.subList(from, Math.min(keys.size(), from + step)));
            for (Object loaded : loader.context().list((Select<Object>) (Select) Sql.select(target.type()).where(condition)
                    .options(options))) {
                for (Object o : ownersByKey.getOrDefault(loader.map().entryOf(loaded).snapshot[keyColumn], List.of())) {
                    r.accessor().set(o, loaded);
                    loader.map().entryOf(o).markToOne(r);
                }
            }
        }
    }

    /** Gives {@code parent}'s collection its loaded elements, without loading a lazy one first. */
    @SuppressWarnings("unchecked")
    public void setCollection(Object parent, RelationshipModel r, List<Object> children) {
        setCollection(parent, null, r, children);
    }

    /** {@link #setCollection(Object, RelationshipModel, List)}; {@code entry} is the parent's, if the caller has it. */
    void setCollection(Object parent, EntityEntry entry, RelationshipModel r, List<Object> children) {
        Object current = r.accessor().get(parent);
        if (current instanceof LazyValue && !((LazyValue) current).isLoaded()) {
            ((LazyValue) current).fill(children);
        } else if (current instanceof RawCollection) {
            ((RawCollection) current).reset(children);
        } else if (current instanceof Collection) {
            Collection<Object> c = (Collection<Object>) current;
            c.clear();
            addAll(c, children);
            r.accessor().set(parent, Associations.wrap(parent, r, c));
        } else {
            Collection<Object> c = r.collectionType() == Set.class ? new java.util.LinkedHashSet<>(capacity(children.size()))
                    : new ArrayList<>(children.size());
            addAll(c, children);
            r.accessor().set(parent, Associations.wrap(parent, r, c));
        }
        loadedInto(parent, entry, r, children);
    }

    /**
     * As {@link #setCollection}, for a plain collection of {@code parent}'s own that a loader has already emptied and
     * filled with the loaded elements: it is kept, wrapped as setCollection wraps it.
     */
    void setFilledCollection(Object parent, EntityEntry entry, RelationshipModel r, Collection<Object> filled) {
        r.accessor().set(parent, Associations.wrap(parent, r, filled));
        loadedInto(parent, entry, r, filled);
    }

    /**
     * Marks {@code r} loaded into {@code parent}, noting what it holds where flushes compare against it. {@code entry}
     * is the parent's when the caller has it (no look-up by identity then), else null.
     */
    private void loadedInto(Object parent, EntityEntry entry, RelationshipModel r, Collection<Object> children) {
        EntityEntry parentEntry = entry != null && entry.instance == parent && entry.held() && loader.context().isOpen()
                ? entry : loader.map().entryOf(parent);
        if (parentEntry != null) {
            markLoaded(parentEntry, r);
            if (r.kind() == RelationshipModel.Kind.MANY_TO_MANY && r.owning()) {
                parentEntry.loadedLinksToFill().put(r.name(), new ArrayList<>(children));
            }
            if (r.orphanRemoval()) {
                parentEntry.loadedElementsToFill().put(r.name(), new ArrayList<>(children));
            }
        }
    }

    /**
     * Adds {@code children} to {@code c}: an {@code ArrayList} grows once to its final size and takes the elements
     * one by one, where {@code addAll} would copy them into a new array first.
     */
    private static void addAll(Collection<Object> c, List<Object> children) {
        if (c instanceof ArrayList) {
            ((ArrayList<Object>) c).ensureCapacity(c.size() + children.size());
            for (Object child : children) {
                c.add(child);
            }
        } else {
            c.addAll(children);
        }
    }

    /** A hash collection's initial capacity that holds {@code n} elements without growing. */
    static int capacity(int n) {
        return n < 3 ? 4 : (int) (n / 0.75f) + 1;
    }

    // ---- collections a rollback expires, and DYNAMIC ----

    /**
     * Forgets what {@code owner}'s loaded collections hold (after a rollback): each becomes a lazy collection
     * that reads the database again on first use. Dynamic relationships need nothing.
     */
    public void expireCollections(Object owner) {
        expireCollections(owner, false);
    }

    /** As {@link #expireCollections(Object)}; with {@code unloadedToo}, unloaded lazy ones (another session's) are replaced too. */
    public void expireCollections(Object owner, boolean unloadedToo) {
        loader.lazyValues().expireCollections(owner, unloadedToo);
    }

    void setUpDynamic(RelationshipModel r, List<Object> parents) {
        for (Object p : parents) {
            bindDynamic(p, r);
        }
    }

    /** Gives {@code owner} a dynamic collection bound to this session, saving what a pending one held. */
    @SuppressWarnings("unchecked")
    public void bindDynamic(Object owner, RelationshipModel r) {
        Object current = r.accessor().get(owner);
        if (current instanceof BoundDynamicCollection && ((BoundDynamicCollection<?>) current).belongsTo(loader)) {
            return;
        }
        BoundDynamicCollection<Object> bound = new BoundDynamicCollection<>(loader, owner, r, null);
        r.accessor().set(owner, bound);
        if (current instanceof DynamicCollection && !(current instanceof BoundDynamicCollection)) {
            for (Object element : ((DynamicCollection<Object>) current).list()) {
                bound.add(element);
            }
        }
    }

    public static boolean isDynamic(RelationshipModel r) {
        return r.collectionType() == DynamicCollection.class;
    }

    static DetachedInstanceException detached(RelationshipModel r, Object owner) {
        String attr = r.owner().getSimpleName() + "_." + r.name();
        return new DetachedInstanceException("Cannot load " + r + " of " + Loading.entityClass(owner).getSimpleName()
                + ": the session that loaded it is closed, or no longer holds it. Load it with the query that loads the "
                + Loading.entityClass(owner).getSimpleName() + " (.options(selectinLoad(" + attr + ")) or fetch = "
                + "FetchMode.SELECTIN), or attach it to an open session with session.merge(...) and read it there.");
    }

    static int columnOf(EntityModel model, String column) {
        List<ColumnModel> columns = model.rowColumns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + column + " in " + model.name());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Order[] orderOf(RelationshipModel r, EntityModel child) {
        List<Order> orders = new ArrayList<>();
        for (RelationshipModel.OrderTerm t : r.orderTerms()) {
            Attribute a = new Attribute(child.type(), t.path(), child.property(t.path()).javaType());
            orders.add(t.descending() ? a.desc() : a.asc());
        }
        for (PropertyModel id : child.idProperties()) {
            if (!r.ordersBy(id.path())) {
                orders.add(new Attribute(child.type(), id.path(), id.javaType()).asc());
            }
        }
        return orders.toArray(new Order[0]);
    }
}

package io.athanor.orm.internal.load;

import io.athanor.orm.DetachedInstanceException;
import io.athanor.orm.EntityNotFoundException;
import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.EntityKey;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LoadGroup;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Load;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How rows become one session's instances (SQLAlchemy's loading module): entity rows read by column index
 * through the identity map, the rows of joined loads, lazy references and their first load, and the loader
 * strategies run after a query's rows. One per session; its thread only.
 */
public final class RowLoader {
    private final LoadContext context;
    private final IdentityMap map;
    private final Relationships relationships;
    private final PostLoads postLoads = new PostLoads();

    public RowLoader(LoadContext context) {
        this.context = context;
        this.map = context.identityMap();
        this.relationships = new Relationships(this);
    }

    LoadContext context() {
        return context;
    }

    IdentityMap map() {
        return map;
    }

    public Relationships relationships() {
        return relationships;
    }

    /**
     * A read of rows into instances begins (a query with its loaders, a link-table load, a refresh): the
     * {@code PostLoad} callbacks of what it fills wait until the outermost read ends. Give the mark returned to
     * {@link #endLoad(int, boolean)}, in a {@code finally}.
     */
    public int beginLoad() {
        return postLoads.begin();
    }

    /**
     * The read begun at {@code mark} ended, {@code completed} or failed: when it is the outermost, the held
     * {@code PostLoad} callbacks run in the order the rows were read (a failed read drops its own).
     */
    public void endLoad(int mark, boolean completed) {
        postLoads.end(mark, completed);
    }

    /** The {@code PostLoad} callbacks held for {@code copy} run on {@code instance} instead (refresh reads a copy). */
    public void postLoadOn(Object copy, Object instance) {
        postLoads.retarget(copy, instance);
    }

    /** Loads (or sets up) the relationships {@code node} plans for its {@code instances}. */
    public void loadRelationships(LoadPlan node, List<Object> instances, Select<?> query,
                           Map<LoadPlan, List<Object>> joined) {
        if (instances == null || instances.isEmpty()) {
            return;
        }
        for (LoadPlan child : node.children()) {
            if (joined != null && joined.containsKey(child)) {
                loadRelationships(child, joined.get(child), null, joined);
            } else {
                List<Object> owners = child.ofSomeInstances() ? ofClass(instances, child.relationship().owner()) : instances;
                if (!owners.isEmpty()) {
                    LoaderStrategy.of(child.strategy()).afterRows(this, child, owners, query);
                }
            }
        }
    }


    /** The instances of {@code type} among {@code instances}, in order. */
    private static List<Object> ofClass(List<Object> instances, Class<?> type) {
        List<Object> out = new ArrayList<>();
        for (Object o : instances) {
            if (type.isInstance(o)) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Reads the rows of a statement that loads parents and, by outer joins, their relationships: one
     * instance per key through the identity map, each parent once, in the order first met.
     */
    public List<Object> readJoined(ResultSet rs, CompiledSelect c,
                                    Map<LoadPlan, List<Object>> joinedOut, LoadGroup group)
            throws SQLException {
        List<LoadPlan> nodes = c.joined();
        EntityRowReader root = new EntityRowReader(c.entity(), true, 0);
        root.group = group;
        EntityRowReader[] readers = new EntityRowReader[nodes.size()];
        int[] parentIndex = new int[nodes.size()];
        Class<?>[] owners = new Class<?>[nodes.size()];
        List<Map<Object, List<Object>>> children = new ArrayList<>(nodes.size());
        List<Map<Object, Boolean>> seen = new ArrayList<>(nodes.size());
        int offset = c.entity().rowColumns().size();
        for (int k = 0; k < nodes.size(); k++) {
            LoadPlan n = nodes.get(k);
            readers[k] = new EntityRowReader(n.entity(), true, offset);
            readers[k].group = new LoadGroup();
            offset += n.entity().rowColumns().size();
            parentIndex[k] = nodes.indexOf(n.parent());
            owners[k] = n.relationship().owner();
            children.add(new IdentityHashMap<>());
            seen.add(new HashMap<>());
            joinedOut.put(n, new ArrayList<>());
        }
        List<Object> out = new ArrayList<>();
        java.util.Set<Object> roots = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Object[] row = new Object[nodes.size()];
        java.util.Set<Object> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (rs.next()) {
            Object parentRoot = root.read(rs);
            if (roots.add(parentRoot)) {
                out.add(parentRoot);
            }
            for (int k = 0; k < nodes.size(); k++) {
                Object parent = parentIndex[k] < 0 ? parentRoot : row[parentIndex[k]];
                row[k] = null;
                if (parent == null || !owners[k].isInstance(parent)) { // a subclass's relationship, another class's row
                    continue;
                }
                List<Object> list = children.get(k).computeIfAbsent(parent, x -> new ArrayList<>());
                Object child = readers[k].read(rs);
                row[k] = child;
                if (child != null && seen.get(k).putIfAbsent(new PairKey(parent, child), Boolean.TRUE) == null) {
                    list.add(child);
                    if (distinct.add(child)) {
                        joinedOut.get(nodes.get(k)).add(child);
                    }
                }
            }
        }
        for (int k = 0; k < nodes.size(); k++) {
            readers[k].group.size = joinedOut.get(nodes.get(k)).size();
            RelationshipModel r = nodes.get(k).relationship();
            for (Map.Entry<Object, List<Object>> e : children.get(k).entrySet()) {
                Object parent = e.getKey();
                EntityEntry pe = map.entryOf(parent);
                if (pe == null || (pe.loaded != null && pe.loaded.contains(r.name()))) {
                    continue;
                }
                List<Object> found = e.getValue();
                if (r.toMany()) {
                    relationships.setCollection(parent, r, found);
                } else {
                    r.accessor().set(parent, found.isEmpty() ? null : found.get(0));
                    if (r.owning() && !found.isEmpty()) {
                        pe.markToOne(r);
                    }
                    if (pe.loaded == null) {
                        pe.loaded = new java.util.HashSet<>();
                    }
                    pe.loaded.add(r.name());
                }
                if (!r.owning() && r.inverse() != null && !r.inverse().toMany()) {
                    for (Object child : found) {
                        Object current = r.inverse().accessor().get(child);
                        EntityEntry ce = map.entryOf(child);
                        boolean cleared = current == null && ce != null && ce.heldToOne(r.inverse());
                        if (!cleared && (current == null || current != parent && !Loading.isLoaded(current))) {
                            r.inverse().accessor().set(child, parent);
                            if (ce != null) {
                                ce.markToOne(r.inverse());
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A (parent, child) pair compared by identity. */
    private static final class PairKey {
        private final Object a;
        private final Object b;

        PairKey(Object a, Object b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PairKey && ((PairKey) o).a == a && ((PairKey) o).b == b;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(a) * 31 + System.identityHashCode(b);
        }
    }

    /**
     * Rows of {@code sql} as pairs of (entity of {@code target} read from the first columns, the value of
     * the last column read as {@code keyType}), for loading through a link table.
     */
    List<Object[]> readLinked(String sql, List<Object> keys, EntityModel target, ColumnType keyType) {
        int keyIndex = target.rowColumns().size() + 1;
        return context.readConnection(target).query(sql, keys, ps -> {
            for (int i = 0; i < keys.size(); i++) {
                keyType.bind(ps, i + 1, keys.get(i));
            }
        }, rs -> {
            EntityRowReader reader = new EntityRowReader(target, true, 0);
            List<Object[]> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Object[] {reader.read(rs), keyType.read(rs, keyIndex)});
            }
            return out;
        });
    }

    /** The instance of {@code target} with {@code key}: the one this session holds, or a new lazy reference. */
    public Object reference(EntityModel target, Object key, RelationshipModel via, EntityEntry owner) {
        return reference(target, key, via, owner, List.of());
    }

    /**
     * {@link #reference(EntityModel, Object, RelationshipModel, EntityEntry)}; a new reference loads with
     * {@code loads} (options of a query of {@code target}), a known instance keeps what it has.
     */
    Object reference(EntityModel target, Object key, RelationshipModel via, EntityEntry owner, List<Load> loads) {
        EntityKey k = new EntityKey(target.rootType(), key, owner != null ? owner.shard : context.shard());
        EntityEntry known = map.get(k);
        if (known != null) {
            return known.instance;
        }
        ReferenceHandler handler = new ReferenceHandler(this, via, owner, loads);
        Object proxy = context.proxies().create(target.type(), idGetter(target), handler);
        target.idProperties().get(0).accessor().set(proxy, key);
        EntityEntry entry = new EntityEntry(proxy, target, k, EntityEntry.Status.PERSISTENT, null);
        entry.hollow = true;
        handler.entry = entry;
        map.addUnlisted(entry);
        relationships.setUpCollectionsOfReference(proxy, target);
        return proxy;
    }

    /** A reference that throws on use (RAISE); not part of the session. */
    Object raisingReference(EntityModel target, Object key, RelationshipModel r) {
        EntityEntry known = map.get(new EntityKey(target.rootType(), key, context.shard()));
        if (known != null && !known.hollow) {
            return known.instance;
        }
        Object proxy = context.proxies().create(target.type(), idGetter(target), new RaiseHandler(r));
        target.idProperties().get(0).accessor().set(proxy, key);
        return proxy;
    }

    private static String idGetter(EntityModel target) {
        String name = target.idProperties().get(0).path();
        return "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Reads a lazy reference's row into it, on its first use, with the options of the query that made it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void initialize(ReferenceHandler handler) {
        EntityEntry e = handler.entry;
        if (!context.isOpen() || map.entryOf(e.instance) != e) {
            String what = handler.via != null ? handler.via.toString() : "the reference to " + e.model.name() + " " + e.key.id();
            throw new io.athanor.orm.DetachedInstanceException("Cannot load " + what + ": the session that made this lazy "
                    + "reference is closed, or no longer holds it. Load it with the query (.options(selectinLoad(...)) or "
                    + "joinedLoad(...)), or attach the instance to an open session with session.merge(...) and read it there.");
        }
        if (handler.via != null) {
            relationships.noteLazyLoad(handler.owner, handler.via);
        }
        PropertyModel id = e.model.idProperties().get(0);
        Attribute idAttribute = new Attribute(e.model.type(), id.path(), id.javaType());
        Expression<Boolean> byId = idAttribute.eq(e.key.id());
        context.onShard(e.shard, () -> context.list(Sql.select((Class<Object>) e.model.type()).where(byId)
                .options(handler.loads.toArray(new Load[0]))));
        if (e.hollow) {
            map.forget(e);
            throw new io.athanor.orm.EntityNotFoundException("There is no " + e.model.name() + " with " + id.path() + " "
                    + e.key.id() + (handler.via != null ? " (the row " + handler.via + " refers to)" : "") + ". Use "
                    + "session.get(), which returns null, where the row may be missing.");
        }
    }


    public List<Object> readEntities(ResultSet rs, EntityModel model, LoadGroup group) throws SQLException {
        EntityRowReader reader = new EntityRowReader(model, true);
        reader.group = group;
        List<Object> out = new ArrayList<>();
        while (rs.next()) {
            out.add(reader.read(rs));
        }
        return out;
    }


    /** Reads one entity per row, through the identity map. */
    public final class EntityRowReader implements PreparedWork.Reader<Object> {
        private final EntityModel model;
        private final List<io.athanor.orm.internal.meta.ColumnModel> columns;
        /** The columns whose values change in place (arrays, JSON), copied into snapshots. */
        private final int[] mutableColumns;
        private final int[] idColumns;
        private final ColumnType[] idTypes;
        private final boolean register;
        private final int offset;
        /** The shard the rows come from, taken when the query starts (a stream reads its rows later). */
        private final String shard = context.shard();
        /** The query's group, for N+1 detection; {@code null} to leave groups as they are. */
        LoadGroup group;

        public EntityRowReader(EntityModel model, boolean register) {
            this(model, register, 0);
        }

        EntityRowReader(EntityModel model, boolean register, int offset) {
            this.model = model;
            this.register = register;
            this.offset = offset;
            this.columns = model.rowColumns();
            this.mutableColumns = java.util.stream.IntStream.range(0, columns.size())
                    .filter(i -> columns.get(i).type().mutable()).toArray();
            List<PropertyModel> properties = model.properties();
            this.idColumns = new int[model.idProperties().size()];
            this.idTypes = new ColumnType[idColumns.length];
            for (int i = 0, k = 0; i < properties.size(); i++) {
                if (properties.get(i).id()) {
                    idTypes[k] = properties.get(i).column().type();
                    idColumns[k++] = model.propertyColumns()[i];
                }
            }
        }

        @Override
        public Object read(ResultSet rs) throws SQLException {
            Object id = idColumns.length == 1 ? idTypes[0].read(rs, offset + idColumns[0] + 1)
                    : compositeId(rs, idTypes, idColumns, offset);
            if (id == null) {
                return null;
            }
            EntityKey key = new EntityKey(model.rootType(), id, shard);
            EntityEntry known = map.get(key);
            if (known != null) {
                if (!model.type().isInstance(known.instance) && HeldClasses.narrowerThanItsReference(known, model.type())) {
                    throw HeldClasses.referenceOfSuperclass(known, model.type());
                }
                if (register && (known.hollow || known.expired)) {
                    populate(known, rs);
                }
                if (group != null) {
                    known.group = group;
                }
                return known.instance;
            }
            EntityModel concrete = model.inheritance() == null ? model : concrete(rs);
            Object instance = concrete.newInstance();
            Object[] snapshot = new Object[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                snapshot[i] = columns.get(i).type().read(rs, offset + i + 1);
            }
            List<PropertyModel> properties = concrete.properties();
            int[] at = concrete.propertyColumns();
            concrete.assigner().assign(instance, snapshot, at, i -> snapshot[at[i]] != null || properties.get(i).column().nullable());
            copyMutable(snapshot);
            if (register) {
                if (context.readOnly()) {
                    context.keepKeysOnly(concrete, snapshot);
                }
                EntityEntry entry = new EntityEntry(instance, concrete, key, EntityEntry.Status.PERSISTENT, snapshot);
                entry.group = group;
                if (context.readOnly()) {
                    entry.fingerprint = EntityEntry.fingerprint(concrete, instance);
                }
                map.add(entry);
            }
            postLoads.loaded(concrete.callbacks(), instance);
            return instance;
        }

        /** Replaces values the instance now shares (arrays, lists, JSON trees) by the snapshot's own copies. */
        private void copyMutable(Object[] snapshot) {
            for (int i : mutableColumns) {
                if (snapshot[i] != null) {
                    snapshot[i] = columns.get(i).type().snapshot(snapshot[i]);
                }
            }
        }

        /** The entity of the hierarchy the row's discriminator names. */
        private EntityModel concrete(ResultSet rs) throws SQLException {
            io.athanor.orm.internal.meta.InheritanceModel inheritance = model.inheritance();
            Object value = inheritance.discriminator().type().read(rs, offset + inheritance.discriminatorIndex() + 1);
            Class<?> type = value == null ? null : inheritance.classes().get(value);
            if (type == null) {
                throw new io.athanor.orm.error.AthanorException("A row of table " + model.table().fullName() + " has "
                        + inheritance.discriminator().name() + " = " + value + ", which names no concrete entity of the "
                        + "hierarchy of " + inheritance.root().getSimpleName() + " (its values are "
                        + inheritance.classes().keySet() + "). Fix the row, or register the entity with that "
                        + "@DiscriminatorValue.");
            }
            return type == model.type() ? model : context.metadata().entity(type);
        }

        /** Reads the row into a lazy reference or an expired instance; changes made to an expired one since are kept. */
        private void populate(EntityEntry e, ResultSet rs) throws SQLException {
            Object[] snapshot = new Object[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                snapshot[i] = columns.get(i).type().read(rs, offset + i + 1);
            }
            List<PropertyModel> properties = e.model.properties();
            int[] at = e.model.propertyColumns();
            Object[] before = e.snapshot;
            e.model.assigner().assign(e.instance, snapshot, at, i -> {
                PropertyModel p = properties.get(i);
                if (p.id()) {
                    return false;
                }
                boolean changed = e.expired && before != null
                        && !p.column().type().same(p.accessor().get(e.instance), before[at[i]]);
                return !changed && (snapshot[at[i]] != null || p.column().nullable());
            });
            copyMutable(snapshot);
            if (context.readOnly()) {
                context.keepKeysOnly(e.model, snapshot);
            }
            e.snapshot = snapshot;
            e.expired = false;
            if (context.readOnly()) {
                e.fingerprint = EntityEntry.fingerprint(e.model, e.instance);
            }
            if (e.hollow) {
                e.hollow = false;
                map.list(e);
                if (e.instance instanceof io.athanor.orm.internal.proxy.Proxied) {
                    ((io.athanor.orm.internal.proxy.Proxied) e.instance).athanor$handler(null);
                }
            }
            postLoads.loaded(e.model.callbacks(), e.instance);
        }
    }


    private static Object compositeId(ResultSet rs, ColumnType[] types, int[] idColumns, int offset)
            throws SQLException {
        Object[] parts = new Object[idColumns.length];
        for (int k = 0; k < idColumns.length; k++) {
            parts[k] = types[k].read(rs, offset + idColumns[k] + 1);
            if (parts[k] == null) {
                return null;
            }
        }
        return Arrays.asList(parts);
    }
}

package io.athanor.orm.internal.load;

import io.athanor.orm.DetachedInstanceException;
import io.athanor.orm.EntityNotFoundException;
import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.sql.ExpectedRows;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LoadGroup;
import io.athanor.orm.internal.types.ColumnReads;
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
import java.util.List;
import java.util.Map;

/**
 * How rows become one session's instances (SQLAlchemy's loading module): entity rows read by column index
 * through the identity map, the rows of joined loads (read by {@link JoinedRows}), lazy references and their first
 * load, and the loader strategies run after a query's rows. One per session; its thread only.
 */
public final class RowLoader {
    private final LoadContext context;
    private final IdentityMap map;
    private Relationships relationships; // made on first need: a plain read never uses it
    private JoinedRows joinedRows; // likewise
    private LazyValues lazyValues; // likewise
    private final PostLoads postLoads = new PostLoads();
    /** The innermost statement whose rows {@link #readEntities} hands out as read (see {@link #handOut}); null for none. */
    private Handout handout;

    public RowLoader(LoadContext context) {
        this.context = context;
        this.map = context.identityMap();
    }

    LoadContext context() {
        return context;
    }

    IdentityMap map() {
        return map;
    }

    public Relationships relationships() {
        if (relationships == null) {
            relationships = new Relationships(this);
        }
        return relationships;
    }

    LazyValues lazyValues() {
        if (lazyValues == null) {
            lazyValues = new LazyValues(this);
        }
        return lazyValues;
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

    /** How many instances the session holds: give it to {@link #loaded} once a statement's loaders are done. */
    public int held() {
        return map.entries().size();
    }

    /**
     * Notes how many instances statement {@code c} and its loaders added to the session since it held {@code held}:
     * its next execution reserves room for them all before its first row ({@link ExpectedRows#withLoaders}).
     */
    public void loaded(CompiledSelect c, int held) {
        c.expected().withLoaders().seen(map.entries().size() - held);
    }

    /** Loads (or sets up) the relationships {@code node} plans for its {@code instances}. */
    public void loadRelationships(LoadPlan node, List<Object> instances, Select<?> query,
                           Map<LoadPlan, List<Object>> joined) {
        if (instances == null || instances.isEmpty() || node.children().isEmpty()) {
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
     * Reads the rows of a statement that loads parents and, by outer joins, their relationships (see
     * {@link JoinedRows#read}); the instances each node of {@code c}'s plan read go into {@code joinedOut}.
     */
    public List<Object> readJoined(ResultSet rs, CompiledSelect c,
                                    Map<LoadPlan, List<Object>> joinedOut, LoadGroup group)
            throws SQLException {
        if (joinedRows == null) {
            joinedRows = new JoinedRows(this);
        }
        return joinedRows.read(rs, c, joinedOut, group);
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
        String shard = owner != null ? owner.shard : context.shard();
        EntityEntry known = map.get(target.rootType(), key, shard);
        if (known != null) {
            return known.instance;
        }
        ReferenceHandler handler = new ReferenceHandler(this, via, owner, loads);
        Object proxy = context.proxies().create(target.type(), target.idGetterName(), handler);
        target.idProperties().get(0).accessor().set(proxy, key);
        EntityEntry entry = new EntityEntry(proxy, target, key, shard, EntityEntry.Status.PERSISTENT, null);
        entry.hollow = true;
        handler.entry = entry;
        map.addUnlisted(entry);
        lazyValues().setUpCollectionsOfReference(proxy, target);
        return proxy;
    }

    /** A reference that throws on use (RAISE); not part of the session. */
    Object raisingReference(EntityModel target, Object key, RelationshipModel r) {
        EntityEntry known = map.get(target.rootType(), key, context.shard());
        if (known != null && !known.hollow) {
            return known.instance;
        }
        Object proxy = context.proxies().create(target.type(), target.idGetterName(), new RaiseHandler(r));
        target.idProperties().get(0).accessor().set(proxy, key);
        return proxy;
    }

    /** Reads a lazy reference's row into it, on its first use, with the options of the query that made it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void initialize(ReferenceHandler handler) {
        EntityEntry e = handler.entry;
        if (!context.isOpen() || map.entryOf(e.instance) != e) {
            String what = handler.via != null ? handler.via.toString() : "the reference to " + e.model.name() + " " + e.id();
            throw new io.athanor.orm.DetachedInstanceException("Cannot load " + what + ": the session that made this lazy "
                    + "reference is closed, or no longer holds it. Load it with the query (.options(selectinLoad(...)) or "
                    + "joinedLoad(...)), or attach the instance to an open session with session.merge(...) and read it there.");
        }
        if (handler.via != null) {
            lazyValues().noteLazyLoad(handler.owner, handler.via);
        }
        PropertyModel id = e.model.idProperties().get(0);
        Attribute idAttribute = new Attribute(e.model.type(), id.path(), id.javaType());
        Expression<Boolean> byId = idAttribute.eq(e.id());
        context.onShard(e.shard, () -> context.list(Sql.select((Class<Object>) e.model.type()).where(byId)
                .options(handler.loads.toArray(new Load[0]))));
        if (e.hollow) {
            map.forget(e);
            throw new io.athanor.orm.EntityNotFoundException("There is no " + e.model.name() + " with " + id.path() + " "
                    + e.id() + (handler.via != null ? " (the row " + handler.via + " refers to)" : "") + ". Use "
                    + "session.get(), which returns null, where the row may be missing.");
        }
    }


    /**
     * Reads one entity of {@code c} per row of {@code rs} through the identity map. The map and the result list are
     * sized first for the instances the statement is expected to read ({@link ExpectedRows}; before it has run, its
     * {@code LIMIT}, null when it has none): a list and tables of a known size grow no array on the way.
     */
    public List<Object> readEntities(ResultSet rs, CompiledSelect c, LoadGroup group, Integer limit, Select<?> query)
            throws SQLException {
        RowTaker taker = null;
        Handout h = handout;
        if (h != null && query != null && h.query == query && !h.taken) { // this statement's rows, not its loaders'
            h.taken = true;
            taker = h.taker;
        }
        EntityModel model = c.entity();
        EntityRowReader reader = new EntityRowReader(model, true);
        reader.group = group;
        int expected = c.expected().guess();
        if (expected < 0) {
            expected = limit == null ? 0 : Math.min(limit, ExpectedRows.MAX);
        } else if (limit != null) {
            expected = Math.min(expected, limit);
        }
        // room for what its loaders' statements will add too, reserved once (see loaded)
        map.expect(Math.max(expected, c.expected().withLoaders().guess()), !model.writesTracked());
        List<Object> out = expected > 0 ? new ArrayList<>(expected) : new ArrayList<>();
        while (rs.next()) {
            Object instance = reader.read(rs);
            out.add(instance);
            if (taker != null) {
                taker.take(instance, reader.entry);
            }
        }
        c.expected().seen(out.size());
        return out;
    }

    /**
     * The next {@link #readEntities} of {@code query} hands {@code taker} each instance it returns with its entry, as
     * its row is read: while the entry and its snapshot are still in the processor's caches, and with no identity
     * look-up per instance. Statements run meanwhile (an autoflush's loads, the statement's own loaders) may hand out
     * theirs: the last begun is served first. End it with {@link #endHandOut} in a {@code finally}; if its
     * {@link Handout#taken} is still false, the statement was read by a path that hands out nothing (joined rows).
     */
    Handout handOut(Select<?> query, RowTaker taker) {
        handout = new Handout(query, taker, handout);
        return handout;
    }

    void endHandOut(Handout h) {
        handout = h.outer;
    }

    /** One statement's rows handed out as read. */
    static final class Handout {
        final Select<?> query;
        final RowTaker taker;
        final Handout outer;
        /** Whether its statement's rows went to {@link #taker}. */
        boolean taken;

        Handout(Select<?> query, RowTaker taker, Handout outer) {
            this.query = query;
            this.taker = taker;
            this.outer = outer;
        }
    }

    /** What {@link #handOut} hands each row's instance to. */
    interface RowTaker {
        /** {@code entry} is {@code null} for a row read without one (no key). */
        void take(Object instance, EntityEntry entry);
    }

    /** Reads one entity per row, through the identity map. */
    public final class EntityRowReader implements PreparedWork.Reader<Object> {
        private final EntityModel model;
        private final RowLayout layout;
        private final ColumnType[] types;
        private final int[] codes;
        private final int idAt;
        /** Which of the model's properties a row's null leaves as it is (non-nullable columns), reused for every row. */
        private final Writes writes = new Writes();
        private final boolean register;
        private final int offset;
        /** The shard the rows come from, taken when the query starts (a stream reads its rows later). */
        private final String shard = context.shard();
        /** The query's group, for N+1 detection; {@code null} to leave groups as they are. */
        LoadGroup group;
        /** The entry of the instance the last {@link #read} returned; {@code null} if none (no key, or not registered). */
        EntityEntry entry;

        public EntityRowReader(EntityModel model, boolean register) {
            this(model, register, 0);
        }

        EntityRowReader(EntityModel model, boolean register, int offset) {
            this.model = model;
            this.register = register;
            this.offset = offset;
            this.layout = RowLayout.of(model);
            this.types = layout.types;
            this.codes = layout.codes;
            this.idAt = layout.idAt;
        }

        /** The row's column values, the key column taken from {@code id} (already read). */
        private Object[] values(ResultSet rs, Object id) throws SQLException {
            Object[] values = new Object[types.length];
            int[] c = codes;
            ColumnType[] t = types;
            int base = offset + 1;
            for (int i = 0; i < values.length; i++) {
                values[i] = i == idAt ? id : ColumnReads.read(rs, base + i, c[i], t[i]);
            }
            return values;
        }

        @Override
        public Object read(ResultSet rs) throws SQLException {
            Object id = idAt >= 0 ? ColumnReads.read(rs, offset + idAt + 1, codes[idAt], types[idAt])
                    : compositeId(rs, layout.idTypes, layout.idColumns, offset);
            entry = null;
            if (id == null) {
                return null;
            }
            EntityEntry known = map.get(model.rootType(), id, shard);
            if (known != null) {
                if (!model.type().isInstance(known.instance) && HeldClasses.narrowerThanItsReference(known, model.type())) {
                    throw HeldClasses.referenceOfSuperclass(known, model.type());
                }
                entry = known;
                if (register && (known.hollow || known.expired)) {
                    populate(known, rs, id);
                }
                if (group != null) {
                    known.group = group;
                }
                return known.instance;
            }
            EntityModel concrete = model.inheritance() == null ? model : concrete(rs);
            Object instance = concrete.newInstance();
            Object[] snapshot = values(rs, id);
            writes.assign(concrete, instance, snapshot);
            writes.keepWhatFieldsHold(instance, snapshot);
            copyMutable(snapshot);
            if (register) {
                EntityEntry e = new EntityEntry(instance, concrete, id, shard, EntityEntry.Status.PERSISTENT, snapshot);
                e.group = group;
                map.addLoaded(e); // an instance just made: no other entry holds it
                entry = e;
            }
            postLoads.loaded(concrete.callbacks(), instance);
            return instance;
        }

        /** Replaces values the instance now shares (arrays, lists, JSON trees) by the snapshot's own copies. */
        private void copyMutable(Object[] snapshot) {
            for (int i : layout.mutableColumns) {
                if (snapshot[i] != null) {
                    snapshot[i] = types[i].snapshot(snapshot[i]);
                }
            }
        }

        /** The entity of the hierarchy the row's discriminator names. */
        private EntityModel concrete(ResultSet rs) throws SQLException {
            io.athanor.orm.internal.meta.InheritanceModel inheritance = model.inheritance();
            Object value = inheritance.discriminator().type().read(rs, offset + inheritance.discriminatorIndex() + 1);
            Class<?> type = value == null ? null : inheritance.classes().get(value);
            if (type == null && inheritance.toldByTables()) {
                throw new io.athanor.orm.error.AthanorException("A row of table " + inheritance.joined().parts().get(0).table()
                        .fullName() + " has a row in no table of a concrete class of the joined hierarchy of "
                        + inheritance.root().getSimpleName() + " (its concrete classes are "
                        + inheritance.classes().values().stream().map(Class::getSimpleName).sorted().toList() + "). Add its "
                        + "row to the table of its class, or delete it.");
            }
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
        private void populate(EntityEntry e, ResultSet rs, Object id) throws SQLException {
            Object[] snapshot = values(rs, id);
            List<PropertyModel> properties = e.model.properties();
            int[] at = e.model.propertyColumns();
            Object[] before = e.snapshot;
            boolean[] keptChange = new boolean[properties.size()];
            e.model.assigner().assign(e.instance, snapshot, at, i -> {
                PropertyModel p = properties.get(i);
                if (p.id()) {
                    return false;
                }
                boolean changed = e.expired && before != null
                        && !p.column().type().same(p.accessor().get(e.instance), before[at[i]]);
                keptChange[i] = changed;
                return !changed && (snapshot[at[i]] != null || p.column().nullable());
            });
            // a change kept since the expiry must still show against the new snapshot: its field is not read back
            RowLayout.of(e.model).keepWhatFieldsHold(properties, at, e.instance, snapshot, i -> !keptChange[i]);
            copyMutable(snapshot);
            e.snapshot = snapshot;
            e.expired = false;
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

    /**
     * Which properties a new instance takes from its row: all but those whose column is not nullable and read NULL
     * (a primitive field keeps its default). Written by the entity's generated {@link
     * io.athanor.orm.internal.meta.InstanceFiller} where it has one, else one by one through its assigner. One per
     * reader, set up again for each row, so a row allocates no predicate.
     */
    private static final class Writes implements java.util.function.IntPredicate {
        private EntityModel model;
        private boolean[] nullable;
        private RowLayout layout;
        private Object[] values;
        private int[] at;
        private io.athanor.orm.internal.meta.InstanceFiller filler;

        void assign(EntityModel concrete, Object instance, Object[] row) {
            if (concrete != model) {
                model = concrete;
                layout = RowLayout.of(concrete);
                nullable = layout.nullable;
                at = concrete.propertyColumns();
                filler = concrete.filler();
            }
            if (filler != null) {
                try {
                    filler.fill(instance, row);
                    return;
                } catch (ClassCastException e) {
                    // a value of another type than its field's: the general way below throws the error that names it,
                    // or takes the value (a boxed int for a long field), as it will for the statement's other rows
                    filler = null;
                }
            }
            values = row;
            try {
                concrete.assigner().assign(instance, row, at, this);
            } finally {
                values = null;
            }
        }

        /** {@link RowLayout#keepWhatFieldsHold} for the instance {@link #assign} just filled. */
        void keepWhatFieldsHold(Object instance, Object[] row) {
            if (layout.checkedAfterAssign.length > 0) {
                layout.keepWhatFieldsHold(model.properties(), at, instance, row, ALL);
            }
        }

        private static final java.util.function.IntPredicate ALL = i -> true;

        @Override
        public boolean test(int i) {
            return values[at[i]] != null || nullable[i];
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

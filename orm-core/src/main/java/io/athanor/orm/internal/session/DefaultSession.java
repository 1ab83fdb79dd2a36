package io.athanor.orm.internal.session;

import io.athanor.orm.Session;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Row;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.DefaultSessionFactory;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.internal.sync.Associations;
import io.athanor.orm.internal.sync.RawCollection;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.QueryExecutor;
import io.athanor.orm.query.Delete;
import io.athanor.orm.query.Insert;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Statement;
import io.athanor.orm.query.Update;
import io.athanor.orm.query.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The session: a lazily taken connection, an identity map, and query execution. */
public final class DefaultSession implements Session, QueryExecutor, SessionContext {
    private final DefaultSessionFactory factory;
    private final io.athanor.orm.SessionOptions options;
    private final Map<EntityKey, EntityEntry> byKey = new HashMap<>();
    private final Map<Object, EntityEntry> byInstance = new IdentityHashMap<>();
    /** New and deleted entries, and every loaded one, in the order the session met them. */
    private final List<EntityEntry> entries = new ArrayList<>();
    private volatile Connection connection;
    /** Whether the connection is in a transaction (autocommit off); reads may run outside one. */
    private boolean inTransaction;
    private final Relationships relationships = new Relationships(this);
    /** Entries whose rows this transaction deleted: a rollback brings them back. */
    private final List<EntityEntry> deletedInTx = new ArrayList<>();
    private boolean closed;
    private boolean explicitTransaction;
    /** Set when a flush failed: the transaction was rolled back and only rollback() or close() may follow. */
    private RuntimeException failedFlush;

    public DefaultSession(DefaultSessionFactory factory, io.athanor.orm.SessionOptions options) {
        this.factory = factory;
        this.options = options;
    }

    private static void refuseView(EntityModel model) {
        if (model.isView()) {
            throw new AthanorException(model.name() + " is a materialized view: its rows come from its query and cannot be "
                    + "written. Change the tables it reads, then sessions.refresh(" + model.name() + ".class).");
        }
    }

    private void checkWritable(String what) {
        if (options.isReadOnly()) {
            throw new AthanorException("This session is read-only, so it cannot " + what + ". Open a read-write session "
                    + "(sessions.open()) for changes.");
        }
    }

    /** A fingerprint of an entity's field values, for noticing changes in a read-only session. */
    private static int fingerprint(EntityModel model, Object instance) {
        int h = 1;
        for (PropertyModel p : model.properties()) {
            Object v = p.accessor().get(instance);
            if (v instanceof java.math.BigDecimal) {
                v = ((java.math.BigDecimal) v).stripTrailingZeros();
            }
            h = 31 * h + (v instanceof byte[] ? java.util.Arrays.hashCode((byte[]) v) : java.util.Objects.hashCode(v));
        }
        return h;
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("This session is closed; open a new one with sessions.open().");
        }
        if (failedFlush != null) {
            throw new IllegalStateException("This session's transaction was rolled back because a flush failed ("
                    + failedFlush.getClass().getSimpleName() + ": " + firstLine(failedFlush.getMessage()) + "). Call rollback() "
                    + "to start a new transaction; the instances kept their state, so fix them and add them again.");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The connection for reads: outside a transaction (autocommit) until the session writes, where that is allowed. */
    private Connection connection() {
        checkUsable();
        if (connection == null) {
            Connection c = factory.engine().connect();
            try {
                if (options.isReadOnly()) {
                    c.readOnly(true);
                }
                if (options.isolationLevel() != null) {
                    c.isolationLevel(options.isolationLevel());
                }
                if (readsOutsideTransaction()) {
                    c.autocommit(true);
                } else {
                    inTransaction = true;
                }
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /**
     * Whether reads may run before a transaction begins: at READ COMMITTED (PostgreSQL's and H2's default)
     * each statement sees the latest committed rows inside a transaction or not, so a session that only
     * reads saves the BEGIN/ROLLBACK round trip; read-only sessions and explicit isolation keep theirs.
     */
    private boolean readsOutsideTransaction() {
        return factory.readsOutsideTransaction() && !options.isReadOnly() && options.isolationLevel() == null
                && !explicitTransaction;
    }

    /** The connection, in a transaction: for writes, locks, cursors and raw SQL. */
    private Connection transaction() {
        Connection c = connection();
        if (!inTransaction) {
            c.autocommit(false);
            inTransaction = true;
        }
        return c;
    }

    /** After commit or rollback: back to reading outside a transaction, where allowed. */
    private void endTransaction() {
        if (connection != null && inTransaction && readsOutsideTransaction()) {
            connection.autocommit(true);
            inTransaction = false;
        }
    }

    @Override
    public <E> Select<E> select(Class<E> entity) {
        return Sql.select(entity).on(this);
    }

    @Override
    public <E> Select<E> select(Aliased<E> entity) {
        return Sql.select(entity).on(this);
    }

    @Override
    public Select<Row> select(Expression<?>... columns) {
        return Sql.select(columns).on(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> List<R> list(Select<R> query) {
        QueryCompiler.Bound b = prepare(query);
        return (List<R>) run(b.compiled(), b.values(), query, query.locks());
    }

    @Override
    public <T> List<T> list(Select<?> query, RowFactory<T> factory) {
        QueryCompiler.Bound b = prepare(query);
        CompiledSelect c = b.compiled();
        List<Object> values = b.values();
        return (query.locks() ? transaction() : connection()).query(c.sql(), values, ps -> bind(ps, c.binders(), values), rs -> {
            PreparedWork.ColumnReader[] generic = PreparedWork.columnReaders(rs.getMetaData());
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(factory.create(values(rs, c.readers(), generic), c.labels()));
            }
            return out;
        });
    }

    /** Runs a compiled select with its values; entities come through the identity map with their relationships. */
    @SuppressWarnings("unchecked")
    private List<Object> run(CompiledSelect c, List<Object> values, Select<?> query, boolean locks) {
        Map<io.athanor.orm.internal.load.LoadPlan, List<Object>> joined = c.joined().isEmpty() ? null : new HashMap<>();
        LoadGroup group = c.entity() == null ? null : new LoadGroup();
        List<Object> results = (locks ? transaction() : connection()).query(c.sql(), values,
                ps -> bind(ps, c.binders(), values),
                rs -> (List<Object>) (c.entity() == null ? readRows(rs, c)
                        : joined == null ? readEntities(rs, c.entity(), group) : readJoined(rs, c, joined, group)));
        if (c.entity() != null) {
            group.size = results.size();
            loadRelationships(c.plan(), results, query, joined);
        }
        return results;
    }

    /** Loads (or sets up) the relationships {@code node} plans for its {@code instances}. */
    void loadRelationships(io.athanor.orm.internal.load.LoadPlan node, List<Object> instances, Select<?> query,
                           Map<io.athanor.orm.internal.load.LoadPlan, List<Object>> joined) {
        if (instances == null || instances.isEmpty()) {
            return;
        }
        for (io.athanor.orm.internal.load.LoadPlan child : node.children()) {
            if (joined != null && joined.containsKey(child)) {
                loadRelationships(child, joined.get(child), null, joined);
            } else {
                LoaderStrategy.of(child.strategy()).afterRows(this, child, instances, query);
            }
        }
    }

    /** The load plan of a query of {@code model} with {@code loads}. */
    io.athanor.orm.internal.load.LoadPlan loadPlan(EntityModel model, List<io.athanor.orm.query.Load> loads) {
        return factory.loadPlans().plan(model, loads);
    }

    Relationships relationships() {
        return relationships;
    }

    io.athanor.orm.NPlusOne nPlusOne() {
        return options.nPlusOne() != null ? options.nPlusOne() : factory.nPlusOne();
    }

    /**
     * Reads the rows of a statement that loads parents and, by outer joins, their relationships: one
     * instance per key through the identity map, each parent once, in the order first met.
     */
    private List<Object> readJoined(ResultSet rs, CompiledSelect c,
                                    Map<io.athanor.orm.internal.load.LoadPlan, List<Object>> joinedOut, LoadGroup group)
            throws SQLException {
        List<io.athanor.orm.internal.load.LoadPlan> nodes = c.joined();
        EntityRowReader root = new EntityRowReader(c.entity(), true, 0);
        root.group = group;
        EntityRowReader[] readers = new EntityRowReader[nodes.size()];
        int[] parentIndex = new int[nodes.size()];
        List<Map<Object, List<Object>>> children = new ArrayList<>(nodes.size());
        List<Map<Object, Boolean>> seen = new ArrayList<>(nodes.size());
        int offset = c.entity().rowColumns().size();
        for (int k = 0; k < nodes.size(); k++) {
            io.athanor.orm.internal.load.LoadPlan n = nodes.get(k);
            readers[k] = new EntityRowReader(n.entity(), true, offset);
            readers[k].group = new LoadGroup();
            offset += n.entity().rowColumns().size();
            parentIndex[k] = nodes.indexOf(n.parent());
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
                if (parent == null) {
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
            io.athanor.orm.internal.meta.RelationshipModel r = nodes.get(k).relationship();
            for (Map.Entry<Object, List<Object>> e : children.get(k).entrySet()) {
                Object parent = e.getKey();
                EntityEntry pe = byInstance.get(parent);
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
                        EntityEntry ce = byInstance.get(child);
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
        return connection().query(sql, keys, ps -> {
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
    Object reference(EntityModel target, Object key, io.athanor.orm.internal.meta.RelationshipModel via, EntityEntry owner) {
        EntityKey k = new EntityKey(target.type(), key);
        EntityEntry known = byKey.get(k);
        if (known != null) {
            return known.instance;
        }
        ReferenceHandler handler = new ReferenceHandler(this, via, owner);
        Object proxy = factory.proxies().create(target.type(), idGetter(target), handler);
        target.idProperties().get(0).accessor().set(proxy, key);
        EntityEntry entry = new EntityEntry(proxy, target, k, EntityEntry.Status.PERSISTENT, null);
        entry.hollow = true;
        handler.entry = entry;
        byKey.put(k, entry);
        byInstance.put(proxy, entry);
        relationships.setUpCollectionsOfReference(proxy, target);
        return proxy;
    }

    /** A reference that throws on use (RAISE); not part of the session. */
    Object raisingReference(EntityModel target, Object key, io.athanor.orm.internal.meta.RelationshipModel r) {
        EntityEntry known = byKey.get(new EntityKey(target.type(), key));
        if (known != null && !known.hollow) {
            return known.instance;
        }
        Object proxy = factory.proxies().create(target.type(), idGetter(target), new RaiseHandler(r));
        target.idProperties().get(0).accessor().set(proxy, key);
        return proxy;
    }

    private static String idGetter(EntityModel target) {
        String name = target.idProperties().get(0).path();
        return "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Reads a lazy reference's row into it, on its first use. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void initialize(ReferenceHandler handler) {
        EntityEntry e = handler.entry;
        if (closed || byInstance.get(e.instance) != e) {
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
        select((Class<Object>) e.model.type()).where(byId).list();
        if (e.hollow) {
            byKey.remove(e.key);
            byInstance.remove(e.instance);
            throw new io.athanor.orm.EntityNotFoundException("There is no " + e.model.name() + " with " + id.path() + " "
                    + e.key.id() + (handler.via != null ? " (the row " + handler.via + " refers to)" : "") + ". Use "
                    + "session.get(), which returns null, where the row may be missing.");
        }
    }

    @Override
    public <E> E getReference(Class<E> type, Object id) {
        checkUsable();
        EntityModel model = factory.metadata().entity(type);
        if (model.idProperties().size() != 1) {
            throw new AthanorException(model.name() + " has a composite key; getReference() needs a single-column key.");
        }
        if (id == null || !model.idProperties().get(0).javaType().isInstance(id)) {
            throw new AthanorException("getReference(" + model.name() + ".class, " + id + ") needs a "
                    + model.idProperties().get(0).javaType().getSimpleName() + " key.");
        }
        return type.cast(reference(model, id, null, null));
    }

    @Override
    public void expire(Object entity) {
        checkUsable();
        EntityEntry e = byInstance.get(entity);
        if (e == null || e.status != EntityEntry.Status.PERSISTENT) {
            throw new AthanorException("expire() needs an entity this session loaded; this "
                    + Loading.entityClass(entity).getSimpleName() + " is not one.");
        }
        e.expired = !e.hollow;
    }

    /** Cancels the statement this session is running now, from another thread (see Connection.cancel). */
    public void cancelRunningStatement() {
        Connection c = connection;
        if (c != null) {
            c.cancel();
        }
    }

    /** The session's entry for an instance it holds. */
    EntityEntry entryOf(Object instance) {
        return byInstance.get(instance);
    }

    @Override
    public long execute(Statement change) {
        checkWritable("run " + change.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + " statements");
        QueryCompiler.Bound b = prepare(change);
        long n = transaction().update(b.compiled().sql(), b.values(), ps -> bind(ps, b.compiled().binders(), b.values()));
        synchronize(change);
        return n;
    }

    /** Brings the instances of a DSL UPDATE's or DELETE's entity up to date, as the statement asks. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void synchronize(Statement change) {
        io.athanor.orm.query.Synchronize mode = change instanceof Update ? ((Update<?>) change).synchronization()
                : change instanceof io.athanor.orm.query.Delete ? ((io.athanor.orm.query.Delete<?>) change).synchronization()
                : io.athanor.orm.query.Synchronize.NONE;
        if (mode == io.athanor.orm.query.Synchronize.NONE) {
            return;
        }
        EntityModel model = factory.metadata().entity(change.target());
        List<EntityEntry> held = new ArrayList<>();
        for (EntityEntry e : entries) {
            if (e.model == model && e.status == EntityEntry.Status.PERSISTENT) {
                e.expired = true;
                held.add(e);
            }
        }
        if (held.isEmpty() || mode == io.athanor.orm.query.Synchronize.EXPIRE || model.idProperties().size() != 1) {
            return;
        }
        PropertyModel id = model.idProperties().get(0);
        Attribute idAttribute = new Attribute(model.type(), id.path(), id.javaType());
        for (int from = 0; from < held.size(); from += Relationships.BATCH) {
            List<Object> keys = new ArrayList<>();
            for (EntityEntry e : held.subList(from, Math.min(held.size(), from + Relationships.BATCH))) {
                keys.add(e.key.id());
            }
            Expression<Boolean> byKeys = idAttribute.in(keys);
            select((Class<Object>) model.type()).where(byKeys).list();
        }
        List<EntityEntry> gone = new ArrayList<>();
        for (EntityEntry e : held) {
            if (e.expired) {
                gone.add(e);
            }
        }
        forgetAll(gone);
    }

    @Override
    public List<Row> fetch(Statement change) {
        checkWritable("run " + change.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + " statements");
        QueryCompiler.Bound b = prepare(change);
        CompiledSelect c = b.compiled();
        List<Row> rows = transaction().query(c.sql(), b.values(), ps -> bind(ps, c.binders(), b.values()), rs -> readRows(rs, c));
        synchronize(change);
        return rows;
    }

    /** Flushes if autoflush is on, then compiles {@code statement} (once per shape) with its values. */
    private QueryCompiler.Bound prepare(Statement statement) {
        if (statement.target() != null) {
            refuseView(factory.metadata().entity(statement.target()));
        }
        autoflush();
        return factory.compiler().compile(statement);
    }

    @Override
    public <E> Insert<E> insert(Class<E> entity) {
        return Sql.insert(entity).on(this);
    }

    @Override
    public <E> Update<E> update(Class<E> entity) {
        return Sql.update(entity).on(this);
    }

    @Override
    public <E> Delete<E> delete(Class<E> entity) {
        return Sql.delete(entity).on(this);
    }

    private static void bind(PreparedStatement ps, ColumnType[] binders, List<Object> values) throws SQLException {
        for (int i = 0; i < binders.length; i++) {
            if (binders[i] != null) {
                binders[i].bind(ps, i + 1, values.get(i));
            } else {
                PreparedWork.bindValue(ps, i + 1, values.get(i));
            }
        }
    }

    private List<Object> readEntities(ResultSet rs, EntityModel model, LoadGroup group) throws SQLException {
        EntityRowReader reader = new EntityRowReader(model, true);
        reader.group = group;
        List<Object> out = new ArrayList<>();
        while (rs.next()) {
            out.add(reader.read(rs));
        }
        return out;
    }

    /** Drops the snapshot values a read-only session never compares: all but keys and foreign keys. */
    private void keepKeysOnly(EntityModel model, Object[] snapshot) {
        WritePlan plan = plan(model);
        for (int i = 0; i < snapshot.length; i++) {
            WritePlan.Column c = plan.columns.get(i);
            if (c.relation == null && (c.property == null || !c.property.id())) {
                snapshot[i] = null;
            }
        }
    }

    /** Reads one entity per row, through the identity map. */
    private final class EntityRowReader implements PreparedWork.Reader<Object> {
        private final EntityModel model;
        private final List<PropertyModel> properties;
        private final List<io.athanor.orm.internal.meta.ColumnModel> columns;
        private final int[] idColumns;
        private final boolean register;
        private final int offset;
        /** The query's group, for N+1 detection; {@code null} to leave groups as they are. */
        LoadGroup group;

        EntityRowReader(EntityModel model, boolean register) {
            this(model, register, 0);
        }

        EntityRowReader(EntityModel model, boolean register, int offset) {
            this.model = model;
            this.register = register;
            this.offset = offset;
            this.properties = model.properties();
            this.columns = model.rowColumns();
            this.idColumns = new int[model.idProperties().size()];
            for (int i = 0, k = 0; i < properties.size(); i++) {
                if (properties.get(i).id()) {
                    idColumns[k++] = i;
                }
            }
        }

        @Override
        public Object read(ResultSet rs) throws SQLException {
            Object id = idColumns.length == 1 ? properties.get(idColumns[0]).column().type().read(rs, offset + idColumns[0] + 1)
                    : compositeId(rs, properties, idColumns, offset);
            if (id == null) {
                return null;
            }
            EntityKey key = new EntityKey(model.type(), id);
            EntityEntry known = byKey.get(key);
            if (known != null) {
                if (register && (known.hollow || known.expired)) {
                    populate(known, rs);
                }
                if (group != null) {
                    known.group = group;
                }
                return known.instance;
            }
            Object instance = model.newInstance();
            Object[] snapshot = new Object[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Object value = columns.get(i).type().read(rs, offset + i + 1);
                snapshot[i] = value;
                if (i < properties.size() && (value != null || properties.get(i).column().nullable())) {
                    properties.get(i).accessor().set(instance, value);
                }
            }
            if (register) {
                if (options.isReadOnly()) {
                    keepKeysOnly(model, snapshot);
                }
                EntityEntry entry = new EntityEntry(instance, model, key, EntityEntry.Status.PERSISTENT, snapshot);
                entry.group = group;
                if (options.isReadOnly()) {
                    entry.fingerprint = fingerprint(model, instance);
                }
                byKey.put(key, entry);
                byInstance.put(instance, entry);
                entries.add(entry);
            }
            return instance;
        }

        /** Reads the row into a lazy reference or an expired instance; changes made to an expired one since are kept. */
        private void populate(EntityEntry e, ResultSet rs) throws SQLException {
            Object[] snapshot = new Object[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Object value = columns.get(i).type().read(rs, offset + i + 1);
                snapshot[i] = value;
                if (i < properties.size() && !properties.get(i).id()) {
                    PropertyModel p = properties.get(i);
                    boolean changed = e.expired && e.snapshot != null && !WritePlan.same(p.accessor().get(e.instance), e.snapshot[i]);
                    if (!changed && (value != null || p.column().nullable())) {
                        p.accessor().set(e.instance, value);
                    }
                }
            }
            if (options.isReadOnly()) {
                keepKeysOnly(model, snapshot);
            }
            e.snapshot = snapshot;
            e.expired = false;
            if (options.isReadOnly()) {
                e.fingerprint = fingerprint(model, e.instance);
            }
            if (e.hollow) {
                e.hollow = false;
                entries.add(e);
                if (e.instance instanceof io.athanor.orm.internal.proxy.Proxied) {
                    ((io.athanor.orm.internal.proxy.Proxied) e.instance).athanor$handler(null);
                }
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> java.util.stream.Stream<R> stream(Select<R> query, int fetchSize) {
        QueryCompiler.Bound bound = prepare(query);
        CompiledSelect c = bound.compiled();
        List<Object> values = bound.values();
        PreparedWork.Reader<Object> rowReader;
        if (c.entity() != null) {
            rowReader = new EntityRowReader(c.entity(), false);
        } else {
            rowReader = new PreparedWork.Reader<>() {
                private PreparedWork.ColumnReader[] generic;

                @Override
                public Object read(ResultSet rs) throws SQLException {
                    if (generic == null) {
                        generic = PreparedWork.columnReaders(rs.getMetaData());
                    }
                    return readRow(rs, c, generic);
                }
            };
        }
        return (java.util.stream.Stream<R>) transaction().stream(c.sql(), values, ps -> bind(ps, c.binders(), values), fetchSize,
                rowReader);
    }

    private static Object compositeId(ResultSet rs, List<PropertyModel> properties, int[] idColumns, int offset)
            throws SQLException {
        Object[] parts = new Object[idColumns.length];
        for (int k = 0; k < idColumns.length; k++) {
            parts[k] = properties.get(idColumns[k]).column().type().read(rs, offset + idColumns[k] + 1);
            if (parts[k] == null) {
                return null;
            }
        }
        return Arrays.asList(parts);
    }

    private static List<Row> readRows(ResultSet rs, CompiledSelect c) throws SQLException {
        PreparedWork.ColumnReader[] generic = PreparedWork.columnReaders(rs.getMetaData());
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(values(rs, c.readers(), generic));
        }
        return Result.ofRows(c.labels(), rows).rows();
    }

    private static Object[] values(ResultSet rs, ColumnType[] readers, PreparedWork.ColumnReader[] generic) throws SQLException {
        Object[] row = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            row[i] = readers[i] != null ? readers[i].read(rs, i + 1) : generic[i].read(rs, i + 1);
        }
        return row;
    }

    private static Row readRow(ResultSet rs, CompiledSelect c, PreparedWork.ColumnReader[] generic) throws SQLException {
        return Result.ofRows(c.labels(), List.<Object[]>of(values(rs, c.readers(), generic))).rows().get(0);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <E> E get(Class<E> type, Object id) {
        EntityModel model = factory.metadata().entity(type);
        if (model.idProperties().size() != 1) {
            throw new AthanorException(model.name() + " has a composite key; load it with select(" + model.name()
                    + ".class).where(...) instead of get().");
        }
        EntityEntry cached = byKey.get(new EntityKey(type, id));
        if (cached != null && !cached.hollow && !cached.expired) {
            return cached.status == EntityEntry.Status.DELETED ? null : type.cast(cached.instance);
        }
        if (cached != null && cached.status == EntityEntry.Status.DELETED) {
            return null;
        }
        PropertyModel idProperty = model.idProperties().get(0);
        if (id != null && !idProperty.javaType().isInstance(id)) {
            throw new AthanorException("get(" + model.name() + ".class, " + id + ") was given a " + id.getClass().getSimpleName()
                    + ", but the key of " + model.name() + " is a " + idProperty.javaType().getSimpleName() + ".");
        }
        if (id == null) {
            return null;
        }
        autoflush();
        CompiledSelect byKey = factory.byIdStatement(model);
        if (byKey == null) {
            Attribute idAttribute = new Attribute(type, idProperty.path(), idProperty.javaType());
            Expression<Boolean> byId = idAttribute.eq(id);
            byKey = factory.byIdStatement(model, factory.compiler().compile(Sql.select(type).where(byId)).compiled());
        }
        List<Object> found = run(byKey, List.of(id), null, false);
        return found.isEmpty() ? null : type.cast(found.get(0));
    }

    @Override
    public boolean contains(Object entity) {
        EntityEntry e = byInstance.get(entity);
        return e != null && e.status != EntityEntry.Status.DELETED;
    }

    // ---- unit of work ----

    @Override
    public void add(Object entity) {
        checkUsable();
        checkWritable("add entities");
        if (entity == null) {
            throw new AthanorException("add() was given null.");
        }
        EntityEntry e = byInstance.get(entity);
        if (e != null) {
            if (e.status == EntityEntry.Status.DELETED) {
                e.status = EntityEntry.Status.PERSISTENT;
                forEachCascaded(e, io.athanor.orm.annotations.CascadeType.REMOVE, child -> {
                    EntityEntry c = byInstance.get(child);
                    if (c != null && c.status == EntityEntry.Status.DELETED) {
                        add(child);
                    }
                });
            }
            cascadePersist(e);
            return;
        }
        EntityModel model = factory.metadata().entity(entity.getClass());
        refuseView(model);
        EntityEntry entry = new EntityEntry(entity, model, null, EntityEntry.Status.NEW, null);
        byInstance.put(entity, entry);
        entries.add(entry);
        for (io.athanor.orm.internal.meta.RelationshipModel r : model.relationships()) {
            if (Relationships.isDynamic(r)) {
                relationships.bindDynamic(entity, r);
            } else if (r.inverse() != null) {
                adoptTwoWay(entity, r);
            }
        }
        cascadePersist(entry);
    }

    /**
     * Links what a new instance already holds to the other side, as if each value had been set now, and
     * wraps its collection so later adds and removes are linked when made.
     */
    @SuppressWarnings("unchecked")
    private static void adoptTwoWay(Object entity, io.athanor.orm.internal.meta.RelationshipModel r) {
        Object value = r.accessor().get(entity);
        if (value == null) {
            return;
        }
        if (!r.toMany()) {
            Associations.toOneChanged(entity, r, null, value);
        } else if (value instanceof java.util.Collection && !(value instanceof RawCollection)) {
            Associations.adopt(entity, r, (java.util.Collection<?>) value);
            r.accessor().set(entity, Associations.wrap(entity, r, (java.util.Collection<Object>) value));
        }
    }

    private void cascadePersist(EntityEntry e) {
        for (io.athanor.orm.internal.meta.RelationshipModel r : e.model.relationships()) {
            if (!r.cascade().contains(io.athanor.orm.annotations.CascadeType.PERSIST)) {
                continue;
            }
            Object value = r.accessor().get(e.instance);
            if (value instanceof LazyValue && !((LazyValue) value).isLoaded() || value instanceof io.athanor.orm.DynamicCollection) {
                continue;
            }
            if (value instanceof java.util.Collection) {
                for (Object child : (java.util.Collection<?>) value) {
                    if (child != null && !byInstance.containsKey(child)) {
                        add(child);
                    }
                }
            } else if (value != null && !byInstance.containsKey(value)) {
                add(value);
            }
        }
    }

    @Override
    public void addAll(java.util.Collection<?> entities) {
        for (Object e : entities) {
            add(e);
        }
    }

    @Override
    public void delete(Object entity) {
        checkUsable();
        checkWritable("delete entities");
        EntityEntry e = byInstance.get(entity);
        if (e == null) {
            throw new AthanorException("delete() was given a " + entity.getClass().getSimpleName() + " that is not in this "
                    + "session; load it first (session.get) or merge it.");
        }
        refuseView(e.model);
        if (e.status == EntityEntry.Status.DELETED) {
            return;
        }
        if (e.hollow) {
            Loading.load(entity);
        }
        if (e.status == EntityEntry.Status.NEW) {
            forget(e);
        } else {
            e.status = EntityEntry.Status.DELETED;
        }
        forEachCascaded(e, io.athanor.orm.annotations.CascadeType.REMOVE, child -> {
            if (byInstance.containsKey(child)) {
                delete(child);
            }
        });
    }

    /** Calls {@code action} for each entity that {@code e}'s relationships marked with {@code cascade} hold. */
    private void forEachCascaded(EntityEntry e, io.athanor.orm.annotations.CascadeType cascade,
                                 java.util.function.Consumer<Object> action) {
        for (io.athanor.orm.internal.meta.RelationshipModel r : e.model.relationships()) {
            if (r.cascade().contains(cascade)) {
                Object value = r.accessor().get(e.instance);
                if (value instanceof io.athanor.orm.DynamicCollection) {
                    value = ((io.athanor.orm.DynamicCollection<?>) value).list();
                } else if (value instanceof io.athanor.orm.internal.proxy.Proxied && !Loading.isLoaded(value)) {
                    Loading.load(value);
                }
                if (value instanceof java.util.Collection) {
                    for (Object child : List.copyOf((java.util.Collection<?>) value)) {
                        if (child != null) {
                            action.accept(child);
                        }
                    }
                } else if (value != null) {
                    action.accept(value);
                }
            }
        }
    }

    @Override
    public void expunge(Object entity) {
        EntityEntry e = byInstance.get(entity);
        if (e != null) {
            forget(e);
        }
    }

    @Override
    public void clear() {
        byKey.clear();
        byInstance.clear();
        entries.clear();
        deletedInTx.clear();
    }

    /** Deletes elements removed from loaded orphan-removal collections; adds new children to their parent's loaded collection. */
    private void reconcileCollections() {
        for (EntityEntry e : new ArrayList<>(entries)) {
            if (e.status == EntityEntry.Status.PERSISTENT && e.loadedElements != null) {
                for (io.athanor.orm.internal.meta.RelationshipModel r : e.model.relationships()) {
                    List<Object> before = e.loadedElements.get(r.name());
                    if (before == null) {
                        continue;
                    }
                    java.util.Collection<?> now = (java.util.Collection<?>) r.accessor().get(e.instance);
                    for (Object child : before) {
                        if (now == null || now.stream().noneMatch(x -> x == child)) {
                            EntityEntry c = byInstance.get(child);
                            if (c != null && c.status == EntityEntry.Status.PERSISTENT && !movedElsewhere(child, r, e.instance)) {
                                delete(child);
                            }
                        }
                    }
                    e.loadedElements.put(r.name(), now == null ? new ArrayList<>() : new ArrayList<>(now));
                }
            }
            if (e.status == EntityEntry.Status.NEW) {
                for (io.athanor.orm.internal.meta.RelationshipModel r : e.model.relationships()) {
                    if (!r.owning() || r.toMany() || r.inverse() == null || !r.inverse().toMany()) {
                        continue;
                    }
                    Object parent = r.accessor().get(e.instance);
                    EntityEntry p = parent == null ? null : byInstance.get(parent);
                    if (p != null && p.loaded != null && p.loaded.contains(r.inverse().name())) {
                        Associations.rawAdd(r.inverse().accessor().get(parent), e.instance);
                    }
                }
            } else if (e.status == EntityEntry.Status.PERSISTENT && e.snapshot != null && !e.hollow) {
                movedBetweenParents(e);
            }
        }
    }

    /**
     * A loaded child whose parent field was changed without the other side being told (a plain class's
     * setter): leaves the old parent's collection and joins the new one's, as it will in the database.
     */
    private void movedBetweenParents(EntityEntry e) {
        List<WritePlan.Column> columns = plan(e.model).columns; // foreign keys and their targets, worked out once
        for (int i = 0; i < columns.size(); i++) {
            WritePlan.Column c = columns.get(i);
            io.athanor.orm.internal.meta.RelationshipModel r = c.relation;
            if (r == null || r.inverse() == null || !r.inverse().toMany() || r.joinColumns().size() != 1
                    || c.referencedKey == null || !c.referencedKey.id()) {
                continue;
            }
            Object parent = r.accessor().get(e.instance);
            if (parent == null && !e.heldToOne(r)) {
                continue; // never set up: not a change
            }
            Object oldKey = e.snapshot[i];
            Object newKey = parent == null ? null : c.referencedKey.accessor().get(parent);
            boolean unchanged = parent == null ? oldKey == null : newKey != null && newKey.equals(oldKey);
            if (unchanged) {
                continue;
            }
            EntityEntry old = oldKey == null ? null : byKey.get(new EntityKey(r.target(), oldKey));
            if (old != null && old.instance != parent) {
                Associations.rawRemove(r.inverse().accessor().get(old.instance), e.instance);
            }
            if (parent != null) {
                Associations.rawAdd(r.inverse().accessor().get(parent), e.instance);
            }
        }
    }

    /** Whether a child taken out of {@code parent}'s collection now belongs to another parent (so is no orphan). */
    private static boolean movedElsewhere(Object child, io.athanor.orm.internal.meta.RelationshipModel r, Object parent) {
        if (r.inverse() == null || r.inverse().toMany()) {
            return false;
        }
        Object now = r.inverse().accessor().get(child);
        return now != null && now != parent;
    }

    @Override
    public void flush() {
        checkUsable();
        if (options.isReadOnly()) {
            for (EntityEntry e : entries) {
                if (fingerprint(e.model, e.instance) != e.fingerprint) {
                    throw new AthanorException("This session is read-only, but " + e.model.name() + " " + e.key.id()
                            + " was changed in memory. Open a read-write session (sessions.open()) for changes, or discard "
                            + "the change.");
                }
            }
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            EntityEntry e = entries.get(i);
            if (e.status != EntityEntry.Status.DELETED) {
                cascadePersist(e);
            }
        }
        reconcileCollections();
        LinkWriter links = new LinkWriter(this, entries);
        boolean work = links.hasWork();
        for (EntityEntry e : entries) {
            if (work) {
                break;
            }
            if (e.status != EntityEntry.Status.PERSISTENT || !sameAsSnapshot(e)) {
                work = true;
            }
        }
        if (!work) {
            links.written();
            return;
        }
        List<Object[]> saved = new ArrayList<>(entries.size());
        for (EntityEntry e : entries) {
            saved.add(new Object[] {e.status, e.snapshot, e.key, versionOf(e)});
        }
        List<EntityEntry> before = new ArrayList<>(entries);
        try {
            new Flusher(this, transaction()).flush(new ArrayList<>(entries));
            links.write(connection);
            links.written();
            for (EntityEntry e : before) {
                e.keyAssigned = false;
            }
        } catch (RuntimeException failure) {
            restore(before, saved);
            try {
                connection.rollback();
            } catch (RuntimeException suppressed) {
                failure.addSuppressed(suppressed);
            }
            failedFlush = failure;
            throw failure;
        }
    }

    private boolean sameAsSnapshot(EntityEntry e) {
        WritePlan plan = plan(e.model);
        Object[] now = plan.values(e, e.snapshot);
        for (int i = 0; i < now.length; i++) {
            if (!WritePlan.same(now[i], e.snapshot[i])) {
                return false;
            }
        }
        return true;
    }

    private Object versionOf(EntityEntry e) {
        PropertyModel v = e.model.version();
        return v == null ? null : v.accessor().get(e.instance);
    }

    /** Puts entries and instances back as they were before a failed flush: keys it assigned, versions it bumped. */
    private void restore(List<EntityEntry> before, List<Object[]> saved) {
        deletedInTx.removeAll(before);
        byKey.clear();
        byInstance.clear();
        entries.clear();
        for (int i = 0; i < before.size(); i++) {
            EntityEntry e = before.get(i);
            Object[] s = saved.get(i);
            e.status = (EntityEntry.Status) s[0];
            e.snapshot = (Object[]) s[1];
            e.key = (EntityKey) s[2];
            if (e.keyAssigned) {
                for (PropertyModel id : e.model.idProperties()) {
                    if (id.generation() != null) {
                        id.accessor().set(e.instance, null);
                    }
                }
                e.keyAssigned = false;
            }
            if (e.status == EntityEntry.Status.NEW) {
                e.forgetServerDefaults();
            }
            if (e.model.version() != null) {
                e.model.version().accessor().set(e.instance, s[3]);
            }
            entries.add(e);
            byInstance.put(e.instance, e);
            if (e.key != null) {
                byKey.put(e.key, e);
            }
        }
    }

    private void autoflush() {
        if (factory.autoflush() && failedFlush == null && !closed) {
            flush();
        }
    }

    @Override
    public long bulkInsertMappings(Class<?> entity, List<? extends Map<String, ?>> rows) {
        checkUsable();
        checkWritable("bulk-write rows");
        autoflush();
        return new BulkWriter(factory.metadata().entity(entity), factory.dialect()).insert(transaction(), rows);
    }

    @Override
    public long bulkInsertMappings(Class<?> entity, List<? extends Map<String, ?>> rows, io.athanor.orm.BulkMode mode) {
        if (mode == io.athanor.orm.BulkMode.BATCH) {
            return bulkInsertMappings(entity, rows);
        }
        checkUsable();
        checkWritable("bulk-write rows");
        autoflush();
        return new BulkWriter(factory.metadata().entity(entity), factory.dialect()).copy(transaction(), rows);
    }

    @Override
    public long bulkUpdateMappings(Class<?> entity, List<? extends Map<String, ?>> rows) {
        checkUsable();
        checkWritable("bulk-write rows");
        autoflush();
        return new BulkWriter(factory.metadata().entity(entity), factory.dialect()).update(transaction(), rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> E merge(E entity) {
        checkUsable();
        EntityEntry own = byInstance.get(entity);
        if (own != null) {
            return entity;
        }
        EntityModel model = factory.metadata().entity(entity.getClass());
        if (model.idProperties().size() != 1) {
            throw new AthanorException("merge() supports entities with a single-column key; " + model.name() + " has "
                    + model.idProperties().size() + ".");
        }
        Object id = model.idProperties().get(0).accessor().get(entity);
        E persistent = id == null ? null : (E) get(entity.getClass(), id);
        if (persistent == null) {
            add(entity);
            return entity;
        }
        PropertyModel version = model.version();
        if (version != null && !java.util.Objects.equals(version.accessor().get(entity), version.accessor().get(persistent))) {
            throw new io.athanor.orm.StaleObjectException(model.name() + " " + id + " was changed by someone else since this copy "
                    + "was read (version " + version.accessor().get(entity) + ", now " + version.accessor().get(persistent)
                    + "). Reload it and apply the change again.");
        }
        for (PropertyModel p : model.properties()) {
            if (!p.id()) {
                p.accessor().set(persistent, p.accessor().get(entity));
            }
        }
        for (io.athanor.orm.internal.meta.RelationshipModel r : model.relationships()) {
            if (r.owning() && !r.toMany()) {
                Object value = r.accessor().get(entity);
                if (value == null) {
                    continue; // a copy without the parent (a stream's, a partly filled one) keeps the row's parent
                }
                if (!byInstance.containsKey(value)) {
                    EntityModel target = factory.metadata().entity(r.target());
                    Object key = target.idProperties().size() == 1 ? target.idProperties().get(0).accessor().get(value) : null;
                    if (key != null && !Loading.isLoaded(value)) {
                        value = reference(target, key, r, byInstance.get(persistent));
                    }
                }
                r.accessor().set(persistent, value);
            }
        }
        return persistent;
    }

    @Override
    public void refresh(Object entity) {
        checkUsable();
        EntityEntry e = byInstance.get(entity);
        if (e == null || e.status != EntityEntry.Status.PERSISTENT) {
            throw new AthanorException("refresh() needs an entity this session loaded or flushed and has not deleted; this "
                    + entity.getClass().getSimpleName() + " is not one.");
        }
        byKey.remove(e.key);
        Object reloaded;
        try {
            reloaded = get(entity.getClass(), e.key.id());
        } finally {
            if (!byKey.containsKey(e.key)) {
                byKey.put(e.key, e);
            }
        }
        if (reloaded == null) {
            throw new AthanorException("The row of " + e.model.name() + " " + e.key.id() + " no longer exists.");
        }
        forget(e);
        EntityEntry loaded = byInstance.get(reloaded);
        forget(loaded);
        for (PropertyModel p : e.model.properties()) {
            p.accessor().set(entity, p.accessor().get(reloaded));
        }
        EntityEntry fresh = new EntityEntry(entity, e.model, e.key, EntityEntry.Status.PERSISTENT, loaded.snapshot);
        fresh.toOnesSet = e.toOnesSet | loaded.toOnesSet;
        byKey.put(e.key, fresh);
        byInstance.put(entity, fresh);
        entries.add(fresh);
    }

    @Override
    public void begin() {
        checkUsable();
        if (explicitTransaction) {
            throw new IllegalStateException("A transaction is already in progress in this session; commit() or rollback() "
                    + "it before begin(), or use beginNested() for a savepoint.");
        }
        explicitTransaction = true;
        if (connection != null && !inTransaction) {
            transaction();
        }
    }

    @Override
    public io.athanor.orm.engine.Savepoint beginNested() {
        flush();
        return transaction().savepoint();
    }

    @Override
    public Metadata metadata() {
        return factory.metadata();
    }

    @Override
    public WritePlan plan(EntityModel model) {
        return factory.plan(model, m -> new WritePlan(m, factory.metadata()));
    }

    @Override
    public Object nextSequenceValue(PropertyModel id, Connection c) {
        return factory.nextSequenceValue(id, c);
    }

    @Override
    public void registered(EntityEntry entry, EntityKey key) {
        entry.key = key;
        byKey.put(key, entry);
    }

    @Override
    public void forgetAll(List<EntityEntry> deleted) {
        deletedInTx.addAll(deleted);
        java.util.Set<EntityEntry> gone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntityEntry e : deleted) {
            gone.add(e);
            byInstance.remove(e.instance);
            if (e.key != null) {
                byKey.remove(e.key);
            }
        }
        entries.removeIf(gone::contains);
    }

    private void forget(EntityEntry entry) {
        byInstance.remove(entry.instance);
        if (entry.key != null) {
            byKey.remove(entry.key);
        }
        entries.remove(entry);
    }

    @Override
    public Result execute(Text sql, Map<String, ?> params) {
        autoflush();
        return transaction().execute(sql, params);
    }

    @Override
    public void commit() {
        flush();
        if (connection != null && inTransaction) {
            try {
                connection.commit();
            } catch (RuntimeException failure) {
                try {
                    connection.rollback();
                } catch (RuntimeException suppressed) {
                    failure.addSuppressed(suppressed);
                }
                failedFlush = failure;
                throw failure;
            }
        }
        explicitTransaction = false;
        endTransaction();
        for (EntityEntry e : entries) {
            e.insertedInTx = false;
        }
        deletedInTx.clear();
        if (factory.expireOnCommit()) {
            for (EntityEntry e : entries) {
                if (e.status == EntityEntry.Status.PERSISTENT) {
                    e.expired = true;
                }
            }
        }
    }

    @Override
    public void rollback() {
        if (closed) {
            throw new IllegalStateException("This session is closed; open a new one with sessions.open().");
        }
        if (connection != null && inTransaction) {
            connection.rollback();
        }
        List<EntityEntry> gone = new ArrayList<>();
        for (EntityEntry e : entries) {
            if (e.status == EntityEntry.Status.NEW || e.insertedInTx) {
                gone.add(e);
                if (e.insertedInTx) {
                    for (PropertyModel id : e.model.idProperties()) {
                        if (id.generation() != null) {
                            id.accessor().set(e.instance, null);
                        }
                    }
                    e.forgetServerDefaults();
                }
            } else {
                e.status = EntityEntry.Status.PERSISTENT;
                e.expired = true;
            }
        }
        forgetAll(gone);
        deletedInTx.removeAll(gone);
        for (EntityEntry e : deletedInTx) {
            if (!e.insertedInTx && e.key != null && !byKey.containsKey(e.key)) {
                e.status = EntityEntry.Status.PERSISTENT;
                e.expired = true;
                byKey.put(e.key, e);
                byInstance.put(e.instance, e);
                entries.add(e);
            }
        }
        deletedInTx.clear();
        for (EntityEntry e : gone) {
            e.insertedInTx = false;
            e.key = null;
            e.status = EntityEntry.Status.NEW;
        }
        failedFlush = null;
        explicitTransaction = false;
        endTransaction();
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        clear();
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}

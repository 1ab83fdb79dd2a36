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
import io.athanor.orm.internal.load.LoadContext;
import io.athanor.orm.internal.load.Loading;
import io.athanor.orm.internal.load.Relationships;
import io.athanor.orm.internal.load.RowLoader;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.EntityKey;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LoadGroup;
import io.athanor.orm.internal.unitofwork.FlushContext;
import io.athanor.orm.internal.unitofwork.UnitOfWork;
import io.athanor.orm.internal.sql.QueryCompiler;
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
import java.util.List;
import java.util.Map;

/**
 * The session facade: each call checks the transaction's state, then hands the work to its part: queries
 * to the compiler and {@link RowLoader} (rows to instances), changes to the {@link UnitOfWork}, the
 * connection and transaction to {@link SessionTransaction}; the {@link IdentityMap} holds the instances.
 */
public final class DefaultSession implements Session, QueryExecutor, LoadContext, FlushContext {
    private final DefaultSessionFactory factory;
    private final io.athanor.orm.SessionOptions options;
    private final IdentityMap map = new IdentityMap();
    private final SessionTransaction tx;
    private final RowLoader loader;
    private final UnitOfWork work;
    private final SessionListeners listeners;
    /** Set while a flush runs: the queries it makes itself (loading what a delete touches) do not flush again. */
    private boolean flushing;

    public DefaultSession(DefaultSessionFactory factory, io.athanor.orm.SessionOptions options) {
        this.factory = factory;
        this.options = options;
        io.athanor.orm.internal.route.ReadRouter router = factory.router();
        java.util.function.Supplier<Connection> opener = options.isReadOnly()
                ? () -> router.connectForRead(options.after()) : factory.engine()::connect;
        this.listeners = factory.sessionListeners();
        this.tx = new SessionTransaction(opener, router.tracksCommits() ? router : null, options,
                factory.readsOutsideTransaction(), listeners, this);
        this.loader = new RowLoader(this);
        this.work = new UnitOfWork(this, map, loader);
        listeners.opened(this);
    }

    private void checkWritable(String what) {
        if (options.isReadOnly()) {
            throw new AthanorException("This session is read-only, so it cannot " + what + ". Open a read-write session "
                    + "(sessions.open()) for changes.");
        }
    }

    private void checkUsable() {
        tx.checkUsable();
    }

    private Connection connection() {
        return tx.forRead();
    }

    @Override
    public Connection transaction() {
        return tx.forWrite();
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
                        : joined == null ? loader.readEntities(rs, c.entity(), group) : loader.readJoined(rs, c, joined, group)));
        if (c.entity() != null) {
            group.size = results.size();
            loader.loadRelationships(c.plan(), results, query, joined);
        }
        return results;
    }

    // ---- LoadContext ----

    @Override
    public io.athanor.orm.internal.load.LoadPlan loadPlan(EntityModel model, List<io.athanor.orm.query.Load> loads) {
        return factory.loadPlans().plan(model, loads);
    }

    @Override
    public io.athanor.orm.NPlusOne nPlusOne() {
        return options.nPlusOne() != null ? options.nPlusOne() : factory.nPlusOne();
    }

    @Override
    public IdentityMap identityMap() {
        return map;
    }

    @Override
    public Session session() {
        return this;
    }

    @Override
    public boolean readOnly() {
        return options.isReadOnly();
    }

    @Override
    public io.athanor.orm.internal.proxy.ProxyFactory proxies() {
        return factory.proxies();
    }

    @Override
    public Connection readConnection() {
        return connection();
    }

    @Override
    public void keepKeysOnly(EntityModel model, Object[] snapshot) {
        WritePlan plan = plan(model);
        for (int i = 0; i < snapshot.length; i++) {
            WritePlan.Column c = plan.columns.get(i);
            if (!c.isKeyOrForeignKey()) {
                snapshot[i] = null;
            }
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
        return type.cast(loader.reference(model, id, null, null));
    }

    @Override
    public void expire(Object entity) {
        checkUsable();
        EntityEntry e = map.entryOf(entity);
        if (e == null || e.status != EntityEntry.Status.PERSISTENT) {
            throw new AthanorException("expire() needs an entity this session loaded; this "
                    + Loading.entityClass(entity).getSimpleName() + " is not one.");
        }
        e.expired = !e.hollow;
    }

    /** Cancels the statement this session is running now, from another thread (see Connection.cancel). */
    public void cancelRunningStatement() {
        tx.cancel();
    }

    @Override
    public long execute(Statement change) {
        checkWritable("run " + change.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + " statements");
        QueryCompiler.Bound b = prepare(change);
        long n = transaction().update(b.compiled().sql(), b.values(), ps -> bind(ps, b.compiled().binders(), b.values()));
        DmlSynchronizer.synchronize(this, map, work, change);
        return n;
    }

    @Override
    public List<Row> fetch(Statement change) {
        checkWritable("run " + change.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + " statements");
        QueryCompiler.Bound b = prepare(change);
        CompiledSelect c = b.compiled();
        List<Row> rows = transaction().query(c.sql(), b.values(), ps -> bind(ps, c.binders(), b.values()), rs -> readRows(rs, c));
        DmlSynchronizer.synchronize(this, map, work, change);
        return rows;
    }

    /** Flushes if autoflush is on, then compiles {@code statement} (once per shape) with its values. */
    private QueryCompiler.Bound prepare(Statement statement) {
        if (statement.target() != null) {
            UnitOfWork.refuseView(factory.metadata().entity(statement.target()));
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

    @Override
    @SuppressWarnings("unchecked")
    public <R> java.util.stream.Stream<R> stream(Select<R> query, int fetchSize) {
        QueryCompiler.Bound bound = prepare(query);
        CompiledSelect c = bound.compiled();
        List<Object> values = bound.values();
        PreparedWork.Reader<Object> rowReader;
        if (c.entity() != null) {
            rowReader = loader.new EntityRowReader(c.entity(), false);
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
        if (id == null) {
            throw new io.athanor.orm.error.InvalidValueException("get(" + model.name() + ".class, null): a key is required. "
                    + "To look up an optional key, test it first: id == null ? null : session.get(" + model.name()
                    + ".class, id).");
        }
        if (model.idProperties().size() != 1) {
            throw new AthanorException(model.name() + " has a composite key; load it with select(" + model.name()
                    + ".class).where(...) instead of get().");
        }
        EntityEntry cached = map.get(new EntityKey(type, id));
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
        EntityEntry e = map.entryOf(entity);
        return e != null && e.status != EntityEntry.Status.DELETED;
    }

    // ---- unit of work ----

    @Override
    public void add(Object entity) {
        checkUsable();
        checkWritable("add entities");
        work.add(entity);
    }

    @Override
    public void delete(Object entity) {
        checkUsable();
        checkWritable("delete entities");
        work.delete(entity);
    }

    @Override
    public void addAll(java.util.Collection<?> entities) {
        for (Object e : entities) {
            add(e);
        }
    }

    @Override
    public void expunge(Object entity) {
        EntityEntry e = map.entryOf(entity);
        if (e != null) {
            map.forget(e);
        }
    }

    @Override
    public void clear() {
        work.clear();
    }

    @Override
    public void flush() {
        checkUsable();
        if (options.isReadOnly()) {
            for (EntityEntry e : map.entries()) {
                if (EntityEntry.fingerprint(e.model, e.instance) != e.fingerprint) {
                    throw new AthanorException("This session is read-only, but " + e.model.name() + " " + e.key.id()
                            + " was changed in memory. Open a read-write session (sessions.open()) for changes, or discard "
                            + "the change.");
                }
            }
            return;
        }
        flushing = true;
        try {
            listeners.flushed(this, work.flush(listeners.any()));
        } catch (RuntimeException failure) {
            tx.flushFailed(failure);
            throw failure;
        } finally {
            flushing = false;
        }
    }

    private void autoflush() {
        if (factory.autoflush() && !flushing && !tx.isFailed() && !tx.isClosed()) {
            flush();
        }
    }

    @Override
    public long bulkInsertMappings(Class<?> entity, List<? extends Map<String, ?>> rows) {
        checkUsable();
        checkWritable("bulk-write rows");
        autoflush();
        return new io.athanor.orm.internal.persistence.BulkWriter(factory.metadata().entity(entity), factory.dialect()).insert(transaction(), rows);
    }

    @Override
    public long bulkInsertMappings(Class<?> entity, List<? extends Map<String, ?>> rows, io.athanor.orm.BulkMode mode) {
        if (mode == io.athanor.orm.BulkMode.BATCH) {
            return bulkInsertMappings(entity, rows);
        }
        checkUsable();
        checkWritable("bulk-write rows");
        autoflush();
        return new io.athanor.orm.internal.persistence.BulkWriter(factory.metadata().entity(entity), factory.dialect()).copy(transaction(), rows);
    }

    @Override
    public long bulkUpdateMappings(Class<?> entity, List<? extends Map<String, ?>> rows) {
        checkUsable();
        checkWritable("bulk-write rows");
        autoflush();
        return new io.athanor.orm.internal.persistence.BulkWriter(factory.metadata().entity(entity), factory.dialect()).update(transaction(), rows);
    }

    @Override
    public <E> E merge(E entity) {
        checkUsable();
        checkWritable("merge entities");
        return new io.athanor.orm.internal.unitofwork.Merger(this, factory.metadata(), map, loader, work).merge(entity);
    }

    @Override
    public void refresh(Object entity) {
        checkUsable();
        EntityEntry e = map.entryOf(entity);
        if (e == null || e.status != EntityEntry.Status.PERSISTENT) {
            throw new AthanorException("refresh() needs an entity this session loaded or flushed and has not deleted; this "
                    + entity.getClass().getSimpleName() + " is not one.");
        }
        map.removeKey(e.key);
        Object reloaded;
        try {
            reloaded = get(entity.getClass(), e.key.id());
        } finally {
            if (!map.holdsKey(e.key)) {
                map.putKey(e.key, e);
            }
        }
        if (reloaded == null) {
            throw new AthanorException("The row of " + e.model.name() + " " + e.key.id() + " no longer exists.");
        }
        map.forget(e);
        EntityEntry loaded = map.entryOf(reloaded);
        map.forget(loaded);
        for (PropertyModel p : e.model.properties()) {
            p.accessor().set(entity, p.accessor().get(reloaded));
        }
        EntityEntry fresh = new EntityEntry(entity, e.model, e.key, EntityEntry.Status.PERSISTENT, loaded.snapshot);
        fresh.toOnesSet = e.toOnesSet | loaded.toOnesSet;
        map.add(fresh);
    }

    @Override
    public void begin() {
        tx.begin();
    }

    @Override
    public io.athanor.orm.engine.Savepoint beginNested() {
        flush();
        io.athanor.orm.engine.Savepoint database = transaction().savepoint();
        SessionSavepoint sp = new SessionSavepoint(this, tx, database, work.mark());
        tx.savepointBegun(sp);
        return sp;
    }

    /** The database rolled back to a savepoint begun at {@code mark}: the session's instances follow. */
    void rolledBackTo(int mark) {
        work.rollbackTo(mark);
    }

    // ---- FlushContext ----

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
    public Result execute(Text sql, Map<String, ?> params) {
        io.athanor.orm.internal.types.StoredValues.checkParameters(factory.metadata().dialect(), params);
        autoflush();
        return transaction().execute(sql, params);
    }

    @Override
    public java.util.Optional<io.athanor.orm.CommitPosition> commitPosition() {
        return java.util.Optional.ofNullable(tx.committedAt());
    }

    @Override
    public void commit() {
        flush();
        tx.commit();
        work.afterCommit(factory.expireOnCommit());
    }

    @Override
    public void rollback() {
        tx.rollback();
        work.afterRollback();
    }

    @Override
    public boolean isOpen() {
        return !tx.isClosed();
    }

    @Override
    public void close() {
        if (tx.isClosed()) {
            return;
        }
        clear();
        tx.close();
        listeners.closed(this);
    }
}

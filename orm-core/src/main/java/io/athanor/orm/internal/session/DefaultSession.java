package io.athanor.orm.internal.session;

import io.athanor.orm.Session;
import io.athanor.orm.engine.Connection;
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
import io.athanor.orm.internal.load.RowLoader;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.unitofwork.FlushContext;
import io.athanor.orm.internal.unitofwork.UnitOfWork;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.QueryExecutor;
import io.athanor.orm.query.Delete;
import io.athanor.orm.query.Insert;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Statement;
import io.athanor.orm.query.Update;
import io.athanor.orm.query.Sql;
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
    private final SelectRunner selects;
    private final SessionRouting route;
    /** Whether the transaction belongs to someone else (a joined session). */
    private final boolean joined;
    private final SessionListeners listeners;
    /** Builds a missing write plan; one instance, so asking for a plan allocates nothing. */
    private java.util.function.Function<EntityModel, WritePlan> planBuilder; // made by the first write
    /** Made at the first bulk write: most sessions never do one. */
    private BulkOperations bulk;
    /** Set while a flush runs: the queries it makes itself (loading what a delete touches) do not flush again. */
    private boolean flushing;

    public DefaultSession(DefaultSessionFactory factory, io.athanor.orm.SessionOptions options) {
        this(factory, options, null);
    }

    /**
     * A session in a transaction someone else owns, on its (borrowed) connection, when {@code borrowed} is not null
     * (see {@link JoinedHandle}); else a session with transactions of its own.
     */
    DefaultSession(DefaultSessionFactory factory, io.athanor.orm.SessionOptions options, Connection borrowed) {
        this.factory = factory;
        this.options = options;
        this.joined = borrowed != null;
        this.route = new SessionRouting(factory.routes(), factory.engine());
        this.listeners = factory.sessionListeners();
        io.athanor.orm.engine.Engine primary = factory.engine();
        if (borrowed == null) {
            io.athanor.orm.internal.route.ReadRouter router = factory.router();
            java.util.function.Function<io.athanor.orm.engine.Engine, Connection> opener = options.isReadOnly()
                    ? e -> e == primary ? router.connectForRead(options.after()) : e.connect()
                    : io.athanor.orm.engine.Engine::connect;
            this.tx = new SessionTransaction(primary, opener, factory.engineNames(), router.tracksCommits() ? router : null,
                    options, factory.readsOutsideTransaction(), listeners, this);
        } else {
            this.tx = new SessionTransaction(primary, e -> {
                if (e != primary) {
                    throw new IllegalStateException("A session joined to another owner's transaction works on that "
                            + "transaction's one connection, but this statement goes to engine '" + e.config().name()
                            + "' (per-entity engines or shards). Open a session of your own with sessions.open() for work "
                            + "across databases.");
                }
                return borrowed;
            }, factory.engineNames(), null, options, false, listeners, this);
        }
        this.loader = new RowLoader(this);
        this.work = new UnitOfWork(this, map, loader);
        this.selects = new SelectRunner(tx, route, loader);
        listeners.opened(this);
    }

    private BulkOperations bulk() {
        if (bulk == null) {
            bulk = new BulkOperations(factory, tx, route, map, work, this::getReference);
        }
        return bulk;
    }

    /** Refuses to end or begin a transaction that belongs to someone else. */
    private void checkNotJoined(String what) {
        if (joined) {
            throw new IllegalStateException("Cannot " + what + " this session: it takes part in a transaction that its owner "
                    + "(such as Spring's transaction manager) begins, commits and rolls back. With Spring, the transaction "
                    + "commits when the @Transactional method returns and rolls back when it throws (or after "
                    + "TransactionAspectSupport.currentTransactionStatus().setRollbackOnly()).");
        }
    }

    /** Where the unit of work's undo log stands, for a savepoint the owner sets. */
    int undoMark() {
        return work.mark();
    }

    /** The owner committed. */
    void ownerCommitted() {
        work.afterCommit(factory.expireOnCommit());
    }

    /** The owner rolled back. */
    void ownerRolledBack() {
        work.afterRollback();
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

    @Override
    public Connection transaction() {
        return tx.forWrite();
    }

    @Override
    public String shard() {
        return route.shard();
    }

    @Override
    public <T> T onShard(String name, java.util.function.Supplier<T> work) {
        return route.onShard(name, work);
    }

    @Override
    public boolean sameDatabase(Class<?> a, Class<?> b) {
        return route.sameDatabase(a, b);
    }

    @Override
    public String shardOf(Object instance) {
        return route.shardOf(instance, map.entryOf(instance));
    }

    @Override
    public io.athanor.orm.ShardScope onShard(String name) {
        route.checkShard(name);
        return new DefaultShardScope(this, name);
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
    public Select<Row> select(Class<?> entity, Object... more) {
        return Sql.select(entity, more).on(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> List<R> list(Select<R> query) {
        if (route.choosesShards()) {
            return ShardedQueries.list(query, route.queryShards(query), factory.metadata(), (s, q) -> onShard(s, () -> list(q)));
        }
        QueryCompiler.Bound b = prepare(query);
        return (List<R>) run(b.compiled(), b.values(), query, query.locks());
    }

    @Override
    public boolean collapsesRows(Select<?> query) {
        if (!query.selectsEntity()) {
            return false;
        }
        Object source = query.entitySource();
        EntityModel model = factory.metadata().entity(source instanceof io.athanor.orm.query.Aliased
                ? ((io.athanor.orm.query.Aliased<?>) source).entityType() : (Class<?>) source);
        return !factory.compiler().loads().plan(model, query.loads()).joined().isEmpty();
    }

    @Override
    public <T> List<T> list(Select<?> query, RowFactory<T> rows) {
        if (route.choosesShards()) {
            return QueryExecutor.super.list(query, rows);
        }
        QueryCompiler.Bound b = prepare(query);
        java.lang.invoke.MethodHandle constructor = rows.constructor();
        java.lang.invoke.MethodHandle direct = constructor == null || b.compiled().rowEntities() != null ? null
                : factory.compiler().rowReader(b.compiled(), constructor);
        return selects.rows(b.compiled(), b.values(), query, rows, direct);
    }

    private List<Object> run(CompiledSelect c, List<Object> values, Select<?> query, boolean locks) {
        return selects.run(c, values, query, locks);
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
    public io.athanor.orm.internal.proxy.ProxyFactory proxies() {
        return factory.proxies();
    }

    @Override
    public Connection readConnection(EntityModel entity) {
        return tx.forRead(route.engineOf(entity.type(), "load " + entity.name()));
    }

    @Override
    public <E> E getReference(Class<E> type, Object id) {
        checkUsable();
        EntityModel model = factory.metadata().entity(type);
        KeyedReads.checkReference(model, id);
        return KeyedReads.asReference(map, loader.reference(model, id, null, null), type);
    }

    @Override
    public void expire(Object entity) {
        checkUsable();
        EntityEntry e = map.entryOf(entity);
        if (e == null || e.status() != EntityEntry.Status.PERSISTENT) {
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
        long n = tx.forWrite(route.engineOf(change.target(), "run this statement")).update(b.compiled().sql(), b.values(), ps -> SessionRows.bind(ps, b.compiled().binders(), b.values()));
        DmlSynchronizer.synchronize(this, map, work, change);
        return n;
    }

    @Override
    public List<Row> fetch(Statement change) {
        checkWritable("run " + change.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + " statements");
        QueryCompiler.Bound b = prepare(change);
        CompiledSelect c = b.compiled();
        List<Row> rows = tx.forWrite(route.engineOf(change.target(), "run this statement")).query(c.sql(), b.values(),
                ps -> SessionRows.bind(ps, c.binders(), b.values()), rs -> SessionRows.readRows(rs, c));
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

    @Override
    @SuppressWarnings("unchecked")
    public <R> java.util.stream.Stream<R> stream(Select<R> query, int fetchSize) {
        if (route.choosesShards()) {
            List<String> shards = route.queryShards(query);
            if (shards.size() > 1) {
                throw new AthanorException("stream() runs on one shard, but the query chooser gave " + shards + ". Stream "
                        + "each shard with session.onShard(name).select(...).stream(), or use list().");
            }
            return onShard(shards.get(0), () -> stream(query, fetchSize));
        }
        QueryCompiler.Bound bound = prepare(query);
        return (java.util.stream.Stream<R>) selects.stream(bound.compiled(), bound.values(), query, fetchSize);
    }

    @Override
    public <E> E get(Class<E> type, Object id) {
        EntityModel model = factory.metadata().entity(type);
        KeyedReads.checkGet(model, id);
        if (route.choosesShards()) {
            for (String s : route.identityShards(type, id)) {
                E found = onShard(s, () -> get(type, id));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        Object held = KeyedReads.held(map, model, type, id, route.shard());
        if (held != KeyedReads.READ) {
            return type.cast(held);
        }
        PropertyModel idProperty = KeyedReads.checkKeyType(model, id);
        autoflush();
        List<Object> found = run(KeyedReads.statement(factory, model, type, idProperty, id), List.of(id), null, false);
        return found.isEmpty() ? null : type.cast(found.get(0));
    }

    @Override
    public boolean contains(Object entity) {
        EntityEntry e = map.entryOf(entity);
        return e != null && e.status() != EntityEntry.Status.DELETED;
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

    /**
     * The flush of a commit: compares every held instance, those whose classes report their writes too, so a
     * write no report saw (reflection, a field written from another class) is still committed.
     */
    void flushBeforeCommit() {
        if (!options.isReadOnly()) {
            work.allChanged();
        }
        flush();
    }

    /** What this session's flushes have looked at (for tests of a flush's cost). */
    public io.athanor.orm.internal.unitofwork.FlushStats flushStats() {
        return work.stats();
    }

    @Override
    public void flush() {
        checkUsable();
        if (options.isReadOnly()) {
            EntityEntry changed = work.firstChangedInMemory();
            if (changed != null) {
                throw new AthanorException("This session is read-only, but " + changed.model.name() + " " + changed.id()
                        + " was changed in memory. Open a read-write session (sessions.open()) for changes, or discard "
                        + "the change.");
            }
            return;
        }
        flushing = true;
        try {
            listeners.flushed(this, work.flush(listeners.any()));
        } catch (RuntimeException failure) {
            if (!joined) { // a joined session's owner rolls back its transaction
                tx.flushFailed(failure);
            }
            throw failure;
        } finally {
            flushing = false;
        }
    }

    private void autoflush() {
        // a session that holds no instance has nothing to write: a first read flushes nothing
        if (factory.autoflush() && !flushing && !map.entries().isEmpty() && !tx.isFailed() && !tx.isClosed()) {
            flush();
        }
    }

    @Override
    public long bulkInsertMappings(Class<?> entity, List<? extends Map<String, ?>> rows) {
        return bulkInsertMappings(entity, rows, io.athanor.orm.BulkMode.BATCH);
    }

    @Override
    public long bulkInsertMappings(Class<?> entity, List<? extends Map<String, ?>> rows, io.athanor.orm.BulkMode mode) {
        checkUsable();
        checkWritable("bulk-write rows");
        autoflush();
        return bulk().insert(entity, rows, mode);
    }

    @Override
    public long bulkUpdateMappings(Class<?> entity, List<? extends Map<String, ?>> rows) {
        checkUsable();
        checkWritable("bulk-write rows");
        autoflush();
        return bulk().update(entity, rows);
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
        if (e == null || e.status() != EntityEntry.Status.PERSISTENT) {
            throw new AthanorException("refresh() needs an entity this session loaded or flushed and has not deleted; this "
                    + entity.getClass().getSimpleName() + " is not one.");
        }
        SessionRefresh.refresh(map, loader, e, entity, x -> onShard(x.shard, () -> get(x.model.type(), x.id())));
    }

    @Override
    public void begin() {
        checkNotJoined("begin() a transaction in");
        tx.begin();
    }

    @Override
    public io.athanor.orm.engine.Savepoint beginNested() {
        route.checkSavepoints();
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
        if (planBuilder == null) {
            planBuilder = this::newPlan;
        }
        return factory.plan(model, planBuilder);
    }

    private WritePlan newPlan(EntityModel model) {
        return new WritePlan(model, factory.metadata());
    }

    @Override
    public Object nextSequenceValue(PropertyModel id, Connection c) {
        return factory.nextSequenceValue(id, c);
    }

    @Override
    public Connection transaction(EntityModel entity, String rowShard) {
        return tx.forWrite(route.writeEngine(entity, rowShard));
    }

    @Override
    public int batchSize() {
        return options.batchSize() > 0 ? options.batchSize() : factory.batchSize();
    }

    @Override
    public boolean sharded() {
        return route.sharded();
    }

    @Override
    public String chooseShard(Object instance) {
        return route.chooseShard(instance);
    }

    @Override
    public Result execute(Text sql, Map<String, ?> params) {
        io.athanor.orm.internal.types.StoredValues.checkParameters(factory.metadata().dialect(), params);
        autoflush();
        return tx.forWrite(route.engineOf(null, "run raw SQL")).execute(sql, params);
    }

    @Override
    public java.util.Optional<io.athanor.orm.CommitPosition> commitPosition() {
        return java.util.Optional.ofNullable(tx.committedAt());
    }

    @Override
    public void commit() {
        checkNotJoined("commit()");
        flushBeforeCommit();
        tx.commit();
        work.afterCommit(factory.expireOnCommit());
    }

    @Override
    public void rollback() {
        checkNotJoined("rollback()");
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
        work.close();
        tx.close();
        listeners.closed(this);
    }
}

package io.athanor.orm.internal;

import io.athanor.orm.Retry;
import io.athanor.orm.Session;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.internal.session.DefaultSession;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.query.QueryCacheStats;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.SequenceModel;
import io.athanor.orm.internal.schema.DefaultSchemaManager;
import io.athanor.orm.schema.SchemaManager;

/** The session factory: engine, dialect and frozen metadata. */
public final class DefaultSessionFactory implements SessionFactory {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DefaultSessionFactory.class);
    private final Engine engine;
    private final io.athanor.orm.Binds binds;
    private final io.athanor.orm.internal.route.Routes routes;
    private final io.athanor.orm.internal.route.ReadRouter router;
    private final Dialect dialect;
    private final Metadata metadata;
    private final SchemaManager schema;
    private final QueryCompiler compiler;
    private final boolean autoflush;
    private final boolean expireOnCommit;
    private final java.util.Map<EntityModel, io.athanor.orm.internal.sql.CompiledSelect> byId =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean readsOutsideTransaction;
    private final io.athanor.orm.NPlusOne nPlusOne;
    private final int batchSize;
    private final io.athanor.orm.internal.proxy.ProxyFactory proxies = new io.athanor.orm.internal.proxy.ProxyFactory();
    private final java.util.Map<EntityModel, Object> plans = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<SequenceModel, long[]> sequences = new java.util.HashMap<>();

    public DefaultSessionFactory(io.athanor.orm.Binds binds, io.athanor.orm.Shards shards, Dialect dialect, Metadata metadata, int queryCacheSize,
                                 boolean autoflush, java.util.Map<Class<?>, io.athanor.orm.query.Select<?>> viewQueries,
                                 boolean expireOnCommit, io.athanor.orm.NPlusOne nPlusOne, int batchSize) {
        Engine engine = binds.primary();
        this.binds = binds;
        this.routes = new io.athanor.orm.internal.route.Routes(binds, shards, metadata);
        this.router = new io.athanor.orm.internal.route.ReadRouter(binds, dialect instanceof io.athanor.orm.dialect.PostgresDialect);
        this.expireOnCommit = expireOnCommit;
        io.athanor.orm.engine.IsolationLevel isolation = engine.config().defaultIsolation().orElse(null);
        this.readsOutsideTransaction = (dialect instanceof io.athanor.orm.dialect.PostgresDialect
                || dialect instanceof io.athanor.orm.dialect.H2Dialect)
                && (isolation == null || isolation == io.athanor.orm.engine.IsolationLevel.READ_COMMITTED);
        this.nPlusOne = nPlusOne;
        this.batchSize = batchSize;
        this.engine = engine;
        this.dialect = dialect;
        this.metadata = metadata;
        io.athanor.orm.internal.sync.Associations.register(metadata);
        this.compiler = new QueryCompiler(metadata, queryCacheSize);
        java.util.Map<Class<?>, String> views = new java.util.HashMap<>();
        for (EntityModel e : metadata.entities()) {
            io.athanor.orm.query.Select<?> q = viewQueries.get(e.type());
            if (q != null) {
                QueryCompiler.Bound b = compiler.compile(q);
                if (!b.values().isEmpty()) {
                    throw new io.athanor.orm.error.ConfigurationException("The query of view " + e.name() + " has values "
                            + b.values() + ", but a view's definition cannot take parameters. Write constants into it with "
                            + "Sql.text(...), or filter when reading the view.");
                }
                views.put(e.type(), b.compiled().sql());
            } else if (e.isView()) {
                if (e.viewQuery().isBlank()) {
                    throw new io.athanor.orm.error.ConfigurationException(e.name() + " is a @MaterializedView with no query: "
                            + "give @MaterializedView(query = \"...\"), or SessionFactory.builder(...).view(" + e.name()
                            + ".class, select(...)).");
                }
                views.put(e.type(), e.viewQuery());
            }
        }
        this.schema = new DefaultSchemaManager(routes.entitiesByEngine(metadata), metadata, this::resetSequences,
                m -> views.get(m.type()));
        this.autoflush = autoflush;
    }

    public boolean autoflush() {
        return autoflush;
    }

    /**
     * Whether sessions may read before they begin a transaction: on PostgreSQL and H2 at READ COMMITTED,
     * where a statement sees the same rows in a transaction or not.
     */
    public boolean readsOutsideTransaction() {
        return readsOutsideTransaction;
    }

    /** The compiled {@code WHERE key = ?} select of {@code model}, once one was compiled; {@code null} before. */
    public io.athanor.orm.internal.sql.CompiledSelect byIdStatement(EntityModel model) {
        return byId.get(model);
    }

    /** Keeps {@code compiled} as {@code model}'s select by key, so that {@code get} skips building and compiling a query. */
    public io.athanor.orm.internal.sql.CompiledSelect byIdStatement(EntityModel model,
                                                                    io.athanor.orm.internal.sql.CompiledSelect compiled) {
        byId.putIfAbsent(model, compiled);
        return compiled;
    }

    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    public io.athanor.orm.NPlusOne nPlusOne() {
        return nPlusOne;
    }

    /** The most rows per JDBC batch, or 0 for no limit. */
    public int batchSize() {
        return batchSize;
    }

    /** Makes the lazy reference classes. */
    public io.athanor.orm.internal.proxy.ProxyFactory proxies() {
        return proxies;
    }

    /** The compiler's load plans. */
    public io.athanor.orm.internal.sql.JoinedLoads loadPlans() {
        return compiler.loads();
    }

    /** The write plan of {@code model}, built once. */
    @SuppressWarnings("unchecked")
    public <P> P plan(EntityModel model, java.util.function.Function<EntityModel, P> build) {
        Object plan = plans.get(model); // a flush asks per held instance: no lambda, no lock once built
        return (P) (plan != null ? plan : plans.computeIfAbsent(model, build::apply));
    }

    /**
     * The next id from the sequence of {@code id}: one database round trip per {@code allocationSize}
     * ids, shared by all sessions. Thread-safe.
     */
    public Object nextSequenceValue(PropertyModel id, io.athanor.orm.engine.Connection connection) {
        SequenceModel seq = id.sequence();
        long[] block;
        synchronized (sequences) {
            block = sequences.computeIfAbsent(seq, s -> new long[] {0, 0});
        }
        long next = -1;
        while (next < 0) {
            synchronized (block) {
                if (block[1] > 0) {
                    next = block[0]++;
                    block[1]--;
                    break;
                }
            }
            String sql = dialect.nextSequenceValue(dialect.qualify(seq.schema(), seq.name()));
            long start = connection.query(sql, java.util.List.of(), ps -> { }, rs -> {
                rs.next();
                return rs.getLong(1);
            });
            synchronized (block) {
                if (block[1] == 0) {
                    block[0] = start;
                    block[1] = seq.allocationSize();
                }
            }
        }
        Class<?> type = id.javaType();
        return type == Integer.class ? (Object) (int) next : type == Short.class ? (Object) (short) next : (Object) next;
    }

    /** Forgets reserved sequence values, after the sequences were dropped or created again. */
    public void resetSequences() {
        synchronized (sequences) {
            sequences.clear();
        }
    }

    @Override
    public <T> T inTransaction(Retry retry, java.util.function.Function<Session, T> work) {
        return inTransaction(SessionOptions.defaults(), retry, work);
    }

    @Override
    public <T> T inTransaction(SessionOptions options, Retry retry, java.util.function.Function<Session, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(options, work);
            } catch (io.athanor.orm.error.TransactionConflictException | io.athanor.orm.StaleObjectException conflict) {
                if (attempt >= retry.attempts()) {
                    throw conflict;
                }
                java.time.Duration delay = retry.delayAfter(attempt);
                LOG.debug("Transaction conflict or stale version on attempt {} of {}; running it again in {} ms", attempt, retry.attempts(),
                        delay.toMillis(), conflict);
                try {
                    retry.sleeper().sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    conflict.addSuppressed(interrupted);
                    throw conflict;
                }
            }
        }
    }

    @Override
    public <T> T inTransaction(java.util.function.Function<Session, T> work) {
        return inTransaction(SessionOptions.defaults(), work);
    }

    private <T> T inTransaction(SessionOptions options, java.util.function.Function<Session, T> work) {
        try (Session s = open(options)) {
            T result;
            try {
                result = work.apply(s);
            } catch (RuntimeException | Error e) {
                try {
                    s.rollback();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            s.commit();
            return result;
        }
    }

    @Override
    public void runInTransaction(java.util.function.Consumer<Session> work) {
        inTransaction(s -> {
            work.accept(s);
            return null;
        });
    }

    private volatile io.athanor.orm.AsyncSessionFactory async;
    private final io.athanor.orm.internal.session.SessionListeners listeners = new io.athanor.orm.internal.session.SessionListeners();

    @Override
    public io.athanor.orm.engine.Registration listen(io.athanor.orm.SessionListener listener) {
        return listeners.add(listener);
    }

    /** The listeners its sessions report to. */
    public io.athanor.orm.internal.session.SessionListeners sessionListeners() {
        return listeners;
    }

    @Override
    public io.athanor.orm.AsyncSessionFactory async(java.util.concurrent.Executor executor) {
        if (executor == null) {
            throw new IllegalArgumentException("async(executor) needs an Executor; it was null. Use async() for the "
                    + "engine's own threads.");
        }
        return new io.athanor.orm.internal.async.DefaultAsyncSessionFactory(this, executor);
    }

    @Override
    public io.athanor.orm.AsyncSessionFactory async() {
        io.athanor.orm.AsyncSessionFactory a = async;
        if (a == null) {
            synchronized (this) {
                if (async == null) {
                    async = new io.athanor.orm.internal.async.DefaultAsyncSessionFactory(this);
                }
                a = async;
            }
        }
        return a;
    }

    @Override
    public void refresh(Class<?> view) {
        ((DefaultSchemaManager) schema).refresh(view);
    }

    @Override
    public Session open() {
        return new DefaultSession(this, SessionOptions.defaults());
    }

    @Override
    public Session open(SessionOptions options) {
        return new DefaultSession(this, options);
    }

    @Override
    public io.athanor.orm.JoinedSession join(io.athanor.orm.engine.Connection connection, SessionOptions options) {
        if (connection == null || options == null) {
            throw new IllegalArgumentException("join(connection, options): give the borrowed connection "
                    + "(engine.borrow(jdbcConnection)) and the session's options (SessionOptions.defaults()).");
        }
        if (options.isolationLevel() != null || options.after() != null) {
            throw new IllegalArgumentException("A joined session runs in its owner's transaction, whose isolation level and "
                    + "snapshot are the owner's; set them there, not in the options (" + options + ").");
        }
        return io.athanor.orm.internal.session.JoinedHandle.open(this, options, connection);
    }

    @Override
    public QueryCacheStats queryCacheStats() {
        return compiler.stats();
    }

    /** The engines this factory's sessions may use, primary first, in the order a session commits them, with their names. */
    public java.util.Map<Engine, String> engineNames() {
        return routes.names();
    }

    /** Which engine each entity's rows live on. */
    public io.athanor.orm.internal.route.Routes routes() {
        return routes;
    }

    /** The statement compiler of this factory's dialect. */
    public QueryCompiler compiler() {
        return compiler;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public io.athanor.orm.Binds binds() {
        return binds;
    }

    @Override
    public java.util.Optional<io.athanor.orm.CommitPosition> lastCommitPosition() {
        return java.util.Optional.ofNullable(router.latest());
    }

    /** Chooses read-only sessions' connections and keeps commit positions. */
    public io.athanor.orm.internal.route.ReadRouter router() {
        return router;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public SchemaManager schema() {
        return schema;
    }

    /** The mapping, for the session and query layers. */
    public Metadata metadata() {
        return metadata;
    }
}

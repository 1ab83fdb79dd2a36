package io.athanor.orm;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.Dialects;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.internal.DefaultSessionFactory;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.types.JsonCodec;
import io.athanor.orm.types.TypeRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the entities and options of a {@link SessionFactory}; {@link #build()} reads and checks the
 * whole mapping at once. Not thread-safe; build on one thread, then share the factory.
 */
public final class SessionFactoryBuilder {
    private final Binds binds;
    private final Shards shards;
    private final List<Class<?>> entities = new ArrayList<>();
    private Dialect dialect;
    private int queryCacheSize = 500;
    private boolean autoflush;
    private boolean expireOnCommit;
    private NPlusOne nPlusOne = NPlusOne.WARN;
    private final TypeRegistry types = new TypeRegistry();
    /** The codec of @Json fields, or null for Jackson's defaults. */
    private JsonCodec jsonCodec;
    private int batchSize;
    private final java.util.Map<Class<?>, io.athanor.orm.query.Select<?>> views = new java.util.LinkedHashMap<>();
    private final List<Object> entityListeners = new ArrayList<>();
    private java.time.Clock clock = java.time.Clock.systemUTC();

    SessionFactoryBuilder(Engine engine) {
        if (engine == null) {
            throw new ConfigurationException("SessionFactory.builder(engine) was given null; build an Engine first.");
        }
        this.binds = Binds.of(engine);
        this.shards = null;
    }

    SessionFactoryBuilder(Shards shards) {
        if (shards == null) {
            throw new ConfigurationException("SessionFactory.builder(shards) was given null; build them with Shards.builder().");
        }
        this.binds = Binds.of(shards.engines().values().iterator().next());
        this.shards = shards;
    }

    SessionFactoryBuilder(Binds binds) {
        if (binds == null) {
            throw new ConfigurationException("SessionFactory.builder(binds) was given null; use Binds.of(engine) or Binds.builder(primary).");
        }
        this.binds = binds;
        this.shards = null;
    }

    /** Registers entity classes (annotated {@code @Entity}). */
    public SessionFactoryBuilder entities(Class<?>... types) {
        return entities(Arrays.asList(types));
    }

    /**
     * Registers entity classes (annotated {@code @Entity}). A Jakarta {@code @Converter(autoApply = true)}
     * class listed here is applied to every field of its type, as {@link TypeRegistry#autoApply} does.
     */
    public SessionFactoryBuilder entities(Collection<Class<?>> types) {
        entities.addAll(types);
        return this;
    }

    /**
     * How many compiled statement shapes to keep (default 500; 0 turns the cache off). A shape is a
     * statement's structure without its values: a query built in a loop with different values is one.
     *
     * @throws ConfigurationException if negative
     */
    public SessionFactoryBuilder queryCacheSize(int size) {
        if (size < 0) {
            throw new ConfigurationException("queryCacheSize must be 0 or more; it was " + size + ".");
        }
        this.queryCacheSize = size;
        return this;
    }

    /**
     * Whether sessions flush pending changes before each query, so that queries see them (default
     * off, as the seed's {@code sessionmaker(autoflush=False)}).
     */
    public SessionFactoryBuilder autoflush(boolean autoflush) {
        this.autoflush = autoflush;
        return this;
    }

    /**
     * Whether commit marks every instance of the session expired, so that the next time the session
     * returns it (from {@code get}, a query or a lazy reference) its columns are read again (default off).
     * Unflushed changes made to an expired instance are kept.
     */
    public SessionFactoryBuilder expireOnCommit(boolean expireOnCommit) {
        this.expireOnCommit = expireOnCommit;
        return this;
    }

    /**
     * What sessions do when lazy loads of one relationship fire one by one for several instances one
     * query returned (the N+1 pattern): {@link NPlusOne#WARN} (the default) logs once, with the loader
     * option that would have avoided it; {@link NPlusOne#FAIL} throws {@link NPlusOneException}.
     */
    public SessionFactoryBuilder nPlusOne(NPlusOne mode) {
        this.nPlusOne = java.util.Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * The most rows sessions send in one JDBC batch (default: no limit, each statement's rows in one batch).
     * The flush's inserts, updates and deletes and the bulk operations ({@code bulkInsertMappings},
     * {@code bulkUpdateMappings}) split a statement's rows into batches of this many, in order, in the same
     * transaction: a failure in any batch rolls back the rows of the batches before it with the transaction.
     * A session can override it with {@link SessionOptions#withBatchSize(int)}.
     *
     * @throws ConfigurationException if {@code rows} is less than 1
     */
    public SessionFactoryBuilder batchSize(int rows) {
        this.batchSize = SessionOptions.checkBatchSize("batchSize", rows);
        return this;
    }

    /**
     * Defines the materialized view {@code entity} (annotated {@code @MaterializedView}) by a query in the
     * query language instead of SQL text. The query takes no values: a view's definition has no parameters.
     */
    public SessionFactoryBuilder view(Class<?> entity, io.athanor.orm.query.Select<?> query) {
        views.put(entity, query);
        return this;
    }

    /**
     * Adds column types: {@code configure} receives this factory's {@link TypeRegistry} to register
     * {@link io.athanor.orm.types.ValueType}s and converters applied by type. Registered types win over the
     * built-in ones; a field's own {@code @Convert} wins over both. May be called more than once.
     *
     * <pre>{@code
     * SessionFactory.builder(engine).types(t -> t.register(Money.class, new MoneyType())).entities(Order.class).build();
     * }</pre>
     *
     * @throws IllegalArgumentException as {@code configure}'s registrations throw
     */
    public SessionFactoryBuilder types(Consumer<TypeRegistry> configure) {
        configure.accept(types);
        return this;
    }

    /**
     * Registers a listener called for every entity: its methods annotated {@code @PrePersist}, {@code @PostPersist},
     * {@code @PreUpdate}, {@code @PostUpdate}, {@code @PreRemove}, {@code @PostRemove} or {@code @PostLoad} (Athanor's
     * or Jakarta Persistence's) take the entity as their one parameter, and are called for the entities that
     * parameter's type accepts ({@code Object} for all). Factory listeners run before an entity's
     * {@code @EntityListeners} and its own callback methods, in the order registered. The same instance serves
     * every session at once, so it must be thread-safe. Checked at {@link #build()}.
     */
    public SessionFactoryBuilder entityListener(Object listener) {
        entityListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The codec that writes and reads {@code @Json} fields: {@code JacksonJson.using(objectMapper)} for a Jackson
     * mapper of your own (its modules, naming and date settings apply), or an implementation for another JSON
     * library. Without one, {@link io.athanor.orm.types.JacksonJson#defaults()} is used when Jackson is on the class path (Jackson's
     * defaults and the modules found there). Configure it fully before {@link #build()}; it is shared by every
     * session afterwards.
     *
     * @throws NullPointerException if {@code codec} is null
     */
    public SessionFactoryBuilder jsonCodec(JsonCodec codec) {
        this.jsonCodec = java.util.Objects.requireNonNull(codec, "codec");
        return this;
    }

    /**
     * The clock {@code @CreatedAt} and {@code @UpdatedAt} fields are set from (default: the system clock in UTC;
     * its zone gives {@code LocalDateTime} and {@code OffsetDateTime} values). Tests pass a fixed or stepped clock.
     */
    public SessionFactoryBuilder clock(java.time.Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Uses {@code dialect} instead of detecting it from the engine's database. */
    public SessionFactoryBuilder dialect(Dialect dialect) {
        this.dialect = dialect;
        return this;
    }

    /**
     * Reads and checks the mapping and creates the factory. Detecting the dialect checks out one
     * connection, once.
     *
     * @throws MappingException       listing every mapping problem found, each with its fix
     * @throws ConfigurationException if no entity was registered or the database is not supported
     */
    public SessionFactory build() {
        if (entities.isEmpty()) {
            throw new ConfigurationException("No entities were registered; call entities(User.class, ...) before build().");
        }
        Dialect d = dialect != null ? dialect : Dialects.detect(binds.primary().database());
        if (dialect == null) {
            checkOneKindOfDatabase(d);
        }
        return new DefaultSessionFactory(binds, shards, d, MetadataBuilder.build(entities, d, types.copy(), jsonCodec,
                List.copyOf(entityListeners), clock), queryCacheSize, autoflush,
                java.util.Map.copyOf(views), expireOnCommit, nPlusOne, batchSize);
    }

    /** Every engine a session may write to must speak the primary's dialect: statements are compiled once for all. */
    private void checkOneKindOfDatabase(Dialect d) {
        java.util.Collection<Engine> others = shards != null ? shards.engines().values() : binds.entityEngines().values();
        for (Engine e : new java.util.LinkedHashSet<>(others)) {
            if (e != binds.primary() && Dialects.detect(e.database()).getClass() != d.getClass()) {
                throw new ConfigurationException("Engine '" + e.config().name() + "' reaches a different kind of database than '"
                        + binds.primary().config().name() + "' (" + d.getClass().getSimpleName() + "); one session factory "
                        + "compiles its statements for one dialect. Use one kind of database, or a session factory per kind.");
            }
        }
    }
}

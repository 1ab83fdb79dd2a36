package io.athanor.orm;

import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a session factory's sessions take their connections: a primary, and read replicas for read-only
 * sessions. {@code Binds.of(engine)} is one database; with replicas,
 *
 * <pre>{@code
 * Binds binds = Binds.builder(primary)
 *         .replica(replica1).replica(replica2)
 *         .maxReplicaLag(Duration.ofSeconds(5))
 *         .readYourWrites(Duration.ofMillis(500))
 *         .build();
 * SessionFactory sessions = SessionFactory.builder(binds).entities(...).build();
 * }</pre>
 *
 * <ul>
 *   <li>Read-write sessions, DDL and sequences use the primary. A read-only session
 *       ({@link SessionOptions#readOnly()}) takes one replica, in turn, and keeps it for its whole life, lazy
 *       loads included.</li>
 *   <li>A replica that cannot be reached, or (PostgreSQL) lags the primary by more than {@link
 *       Builder#maxReplicaLag(Duration)}, is passed over, with a warning, for another replica or the primary; it
 *       is tried again after {@link Builder#recheckAfter(Duration)}. Give replica engines a short
 *       {@code poolTimeout}, since finding a replica down costs one wait for a connection.</li>
 *   <li>Read your writes (PostgreSQL): a commit that wrote gives a {@link CommitPosition}. A read-only session
 *       opened {@link SessionOptions#after(CommitPosition) after} one waits up to {@link
 *       Builder#readYourWrites(Duration)} (default 1 s) for its replica to replay that far, and otherwise reads
 *       from the primary. With {@link Builder#readYourWritesByDefault(boolean)}, every read-only session waits
 *       for the factory's latest commit.</li>
 * </ul>
 *
 * <p>Per-entity engines (SQLAlchemy's {@code binds={User: e1}}): {@code Binds.builder(primary).entity(Invoice.class,
 * billing)} keeps {@code Invoice}'s table on {@code billing}. Queries of the entity run there, the flush writes
 * its rows there, its lazy and select-in loads read from there, and {@code schema().createAll()} creates its
 * table there (foreign keys to tables of other engines are left out). A joined load or a join between entities of
 * two engines is refused (load across engines with selectin or lazy loading); raw {@code execute(text)} goes to
 * the primary. A session over several engines commits them one after the other (see {@link
 * PartialCommitException}) and refuses savepoints. All engines must reach the same kind of database.
 *
 * Replicas are asked for their position and lag with PostgreSQL's {@code pg_last_wal_replay_lsn()},
 * {@code pg_last_wal_receive_lsn()} and {@code pg_last_xact_replay_timestamp()}; on other databases replicas
 * are used in turn and skipped when unreachable, and read-your-writes is refused at build time.
 *
 * <p>Immutable and thread-safe. The engines are the caller's to close.
 */
public final class Binds {
    private final Engine primary;
    private final List<Engine> replicas;
    private final Duration maxReplicaLag;
    private final Duration recheckAfter;
    private final Duration replayWait;
    private final boolean readYourWritesByDefault;
    private final java.util.Map<Class<?>, Engine> entityEngines;

    private Binds(Builder b) {
        this.entityEngines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.entityEngines));
        this.primary = b.primary;
        this.replicas = List.copyOf(b.replicas);
        this.maxReplicaLag = b.maxReplicaLag;
        this.recheckAfter = b.recheckAfter;
        this.replayWait = b.replayWait;
        this.readYourWritesByDefault = b.readYourWritesByDefault;
    }

    /** One database: every session uses {@code engine}. */
    public static Binds of(Engine engine) {
        return builder(engine).build();
    }

    /**
     * Starts configuring binds over {@code primary}.
     *
     * @throws ConfigurationException if {@code primary} is null
     */
    public static Builder builder(Engine primary) {
        if (primary == null) {
            throw new ConfigurationException("Binds need a primary engine; build one first (Engine.builder(url).build()).");
        }
        return new Builder(primary);
    }

    /** The engine of writes, DDL, sequences and read-write sessions. */
    public Engine primary() {
        return primary;
    }

    /** The read replicas, in the order read-only sessions take them in turn. */
    public List<Engine> replicas() {
        return replicas;
    }

    /** Whether there are replicas. */
    public boolean hasReplicas() {
        return !replicas.isEmpty();
    }

    /** The most a replica may lag the primary and still serve reads, or {@code null} for no limit. */
    public Duration maxReplicaLag() {
        return maxReplicaLag;
    }

    /** How long a replica found down or lagging is passed over before it is tried again. */
    public Duration recheckAfter() {
        return recheckAfter;
    }

    /** How long a read-only session waits for its replica to replay the commit it must see. */
    public Duration replayWait() {
        return replayWait;
    }

    /** The engines given to entities with {@link Builder#entity(Class, Engine)}, in the order given. */
    public java.util.Map<Class<?>, Engine> entityEngines() {
        return entityEngines;
    }

    /** The engine of {@code entity}: its own, or the primary. */
    public Engine engineOf(Class<?> entity) {
        return entityEngines.getOrDefault(entity, primary);
    }

    /** Whether every read-only session waits for the factory's latest commit. */
    public boolean readYourWritesByDefault() {
        return readYourWritesByDefault;
    }

    @Override
    public String toString() {
        return "Binds[primary=" + primary + ", replicas=" + replicas + "]";
    }

    /** Collects the binds' settings. Not thread-safe; build on one thread. */
    public static final class Builder {
        private final Engine primary;
        private final List<Engine> replicas = new ArrayList<>();
        private Duration maxReplicaLag;
        private Duration recheckAfter = Duration.ofSeconds(5);
        private Duration replayWait = Duration.ofSeconds(1);
        private boolean readYourWritesByDefault;
        private final java.util.Map<Class<?>, Engine> entityEngines = new java.util.LinkedHashMap<>();

        private Builder(Engine primary) {
            this.primary = primary;
        }

        /**
         * Adds a read replica (for PostgreSQL, a streaming standby).
         *
         * @throws ConfigurationException if {@code replica} is null or the primary itself
         */
        public Builder replica(Engine replica) {
            if (replica == null) {
                throw new ConfigurationException("replica(null): pass the replica's engine.");
            }
            if (replica == primary || replicas.contains(replica)) {
                throw new ConfigurationException("Engine '" + replica.config().name() + "' is given twice (as the primary "
                        + "or as a replica); each engine is one database.");
            }
            replicas.add(replica);
            return this;
        }

        /**
         * Keeps {@code entity}'s table on {@code engine} (SQLAlchemy's {@code binds={User: e1}}): its queries, writes,
         * loads and DDL go there. Relationships to entities of other engines load with selectin or lazy loading;
         * a many-to-many between entities of two engines is refused when the factory is built.
         *
         * @throws ConfigurationException if either is null, the entity was given an engine already, or the engine is
         *                                one of the replicas
         */
        public Builder entity(Class<?> entity, Engine engine) {
            if (entity == null || engine == null) {
                throw new ConfigurationException("entity(" + entity + ", " + engine + "): pass the entity class and its engine.");
            }
            if (entityEngines.containsKey(entity)) {
                throw new ConfigurationException(entity.getSimpleName() + " was given an engine twice; an entity's table lives "
                        + "in one database.");
            }
            if (replicas.contains(engine)) {
                throw new ConfigurationException("Engine '" + engine.config().name() + "' is a replica, so it cannot hold "
                        + entity.getSimpleName() + "'s writes; give the entity a primary engine.");
            }
            entityEngines.put(entity, engine);
            return this;
        }

        /**
         * Passes over a replica whose replay is more than {@code lag} behind the primary (PostgreSQL; default: no
         * limit). A replica with nothing left to replay counts as not lagging, however long ago its last commit.
         */
        public Builder maxReplicaLag(Duration lag) {
            this.maxReplicaLag = positive("maxReplicaLag", lag);
            return this;
        }

        /**
         * How long a replica found down or lagging is passed over, and how long a lag reading is trusted, before the
         * replica is asked again (default 5 s; {@link Duration#ZERO}: ask at every read-only session).
         */
        public Builder recheckAfter(Duration interval) {
            if (interval == null || interval.isNegative()) {
                throw new ConfigurationException("recheckAfter must be zero or more; it was " + interval + ".");
            }
            this.recheckAfter = interval;
            return this;
        }

        /**
         * How long a read-only session opened after a commit waits for its replica to replay it before it reads
         * from the primary instead (default 1 s).
         */
        public Builder readYourWrites(Duration maxWait) {
            if (maxWait == null || maxWait.isNegative()) {
                throw new ConfigurationException("readYourWrites' wait must be zero or more; it was " + maxWait + ".");
            }
            this.replayWait = maxWait;
            return this;
        }

        /**
         * Makes every read-only session of the factory read at least what the factory's sessions have committed,
         * as if opened with {@link SessionOptions#after(CommitPosition)} the latest commit position (default off).
         */
        public Builder readYourWritesByDefault(boolean on) {
            this.readYourWritesByDefault = on;
            return this;
        }

        /** The binds. */
        public Binds build() {
            return new Binds(this);
        }

        private static Duration positive(String setting, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ConfigurationException(setting + " must be more than zero; it was " + d + ".");
            }
            return d;
        }
    }
}

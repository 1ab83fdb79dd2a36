package io.athanor.orm;

import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.query.Select;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Horizontal shards (SQLAlchemy's {@code horizontal_shard}): the same tables in several databases, each row in
 * one of them, chosen by three functions:
 *
 * <pre>{@code
 * Shards shards = Shards.builder()
 *         .shard("eu", euEngine)
 *         .shard("us", usEngine)
 *         .shardChooser(instance -> ((Customer) instance).getRegion())      // where a new row goes
 *         .identityChooser((type, id) -> List.of("eu", "us"))               // where get(type, id) looks, in order
 *         .queryChooser(query -> List.of("eu", "us"))                       // where a query runs
 *         .build();
 * SessionFactory sessions = SessionFactory.builder(shards).entities(Customer.class, Order.class).build();
 * }</pre>
 *
 * <ul>
 *   <li>Every entity of the factory is sharded. Its identity-map key carries the shard, so equal keys in two
 *       shards are two instances; {@link Session#shardOf(Object)} tells an instance's shard.</li>
 *   <li>A new instance goes to its parent's shard when it has one (a reference it holds, or a collection it was
 *       added to), else to the shard chooser's answer. A relationship between instances of two shards is refused
 *       at the flush, before any SQL.</li>
 *   <li>A query runs on each shard the query chooser names, and the results are concatenated in the chooser's order;
 *       ORDER BY on the selected entity's columns (or on selected columns) is merged across shards, and LIMIT and
 *       OFFSET apply after the merge. Aggregates, GROUP BY, DISTINCT and set operations over several shards are
 *       refused: run those on one shard with {@link Session#onShard(String)}.</li>
 *   <li>Keys must not collide across shards where instances move between them: IDENTITY keys are refused when the
 *       factory is built; use UUIDs, or sequences with disjoint ranges per shard.</li>
 *   <li>Raw SQL ({@code execute(text)}) has no entity to choose a shard by: run it through {@code
 *       session.onShard(name)}. Savepoints are refused over several shards.</li>
 * </ul>
 *
 * The defaults of the identity and query choosers name every shard, in the order they were given. A session
 * commits the shards it wrote to one after the other, in that order (see {@link PartialCommitException}).
 *
 * <p>Immutable and thread-safe; the choosers are called from any thread that uses a session. The engines are the
 * caller's to close.
 */
public final class Shards {

    /** Chooses the shard of a new instance that has no parent to follow. Return one of the shard names. */
    @FunctionalInterface
    public interface ShardChooser {
        /** The shard {@code instance}'s row goes to. */
        String shardOf(Object instance);
    }

    /** Chooses the shards {@code get(type, id)} looks in, in order; the first that has the row wins. */
    @FunctionalInterface
    public interface IdentityChooser {
        /** The shards that may hold the row of {@code entity} with key {@code id}. */
        List<String> shardsOf(Class<?> entity, Object id);
    }

    /** Chooses the shards a query runs on. */
    @FunctionalInterface
    public interface QueryChooser {
        /** The shards {@code query} runs on; their results are concatenated in this order. */
        List<String> shardsFor(Select<?> query);
    }

    private final Map<String, Engine> engines;
    private final ShardChooser shardChooser;
    private final IdentityChooser identityChooser;
    private final QueryChooser queryChooser;

    private Shards(Builder b) {
        this.engines = Collections.unmodifiableMap(new LinkedHashMap<>(b.engines));
        List<String> all = List.copyOf(engines.keySet());
        this.shardChooser = b.shardChooser;
        this.identityChooser = b.identityChooser != null ? b.identityChooser : (type, id) -> all;
        this.queryChooser = b.queryChooser != null ? b.queryChooser : query -> all;
    }

    /** Starts configuring shards. */
    public static Builder builder() {
        return new Builder();
    }

    /** The shards' engines by name, in the order given. */
    public Map<String, Engine> engines() {
        return engines;
    }

    /**
     * The engine of shard {@code name}.
     *
     * @throws ConfigurationException if there is no such shard
     */
    public Engine engine(String name) {
        Engine e = engines.get(name);
        if (e == null) {
            throw new ConfigurationException("There is no shard named '" + name + "'; the shards are " + engines.keySet() + ".");
        }
        return e;
    }

    public ShardChooser shardChooser() {
        return shardChooser;
    }

    public IdentityChooser identityChooser() {
        return identityChooser;
    }

    public QueryChooser queryChooser() {
        return queryChooser;
    }

    @Override
    public String toString() {
        return "Shards" + engines.keySet();
    }

    /** Collects the shards and their choosers. Not thread-safe; build on one thread. */
    public static final class Builder {
        private final Map<String, Engine> engines = new LinkedHashMap<>();
        private ShardChooser shardChooser;
        private IdentityChooser identityChooser;
        private QueryChooser queryChooser;

        private Builder() {
        }

        /**
         * Adds shard {@code name} on {@code engine}.
         *
         * @throws ConfigurationException if the name is blank or taken, or the engine is another shard's
         */
        public Builder shard(String name, Engine engine) {
            if (name == null || name.isBlank() || engine == null) {
                throw new ConfigurationException("shard(" + name + ", " + engine + "): give each shard a name and its engine.");
            }
            if (engines.containsKey(name)) {
                throw new ConfigurationException("Shard '" + name + "' is given twice; shard names are unique.");
            }
            if (engines.containsValue(engine)) {
                throw new ConfigurationException("Engine '" + engine.config().name() + "' is given to two shards; each shard "
                        + "is its own database.");
            }
            engines.put(name, engine);
            return this;
        }

        /** Sets where new instances without a parent go (required). */
        public Builder shardChooser(ShardChooser chooser) {
            this.shardChooser = chooser;
            return this;
        }

        /** Sets where {@code get(type, id)} looks (default: every shard, in order). */
        public Builder identityChooser(IdentityChooser chooser) {
            this.identityChooser = chooser;
            return this;
        }

        /** Sets where queries run (default: every shard, in order). */
        public Builder queryChooser(QueryChooser chooser) {
            this.queryChooser = chooser;
            return this;
        }

        /**
         * The shards.
         *
         * @throws ConfigurationException if fewer than one shard was given or the shard chooser is missing
         */
        public Shards build() {
            if (engines.isEmpty()) {
                throw new ConfigurationException("Shards need at least one shard: shard(\"name\", engine).");
            }
            if (shardChooser == null) {
                throw new ConfigurationException("Shards need a shardChooser(instance -> shard name) to place new instances.");
            }
            return new Shards(this);
        }
    }
}

package io.athanor.orm.internal.route;

import io.athanor.orm.Binds;
import io.athanor.orm.Shards;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which engine each entity's rows live on: one engine, per-entity engines ({@link Binds#entityEngines()}), or
 * shards ({@link Shards}), checked once when the factory is built. Immutable and thread-safe.
 */
public final class Routes {
    private final Binds binds;
    private final Shards shards;
    private final Map<Engine, String> names;

    /**
     * @throws ConfigurationException if an entity bound to an engine is not registered, a many-to-many joins
     *                                entities of two engines, or a sharded entity has an IDENTITY key
     */
    public Routes(Binds binds, Shards shards, Metadata metadata) {
        this.binds = binds;
        this.shards = shards;
        Map<Engine, String> n = new LinkedHashMap<>();
        if (shards != null) {
            shards.engines().forEach((name, engine) -> n.put(engine, name));
            checkShardable(metadata);
        } else {
            n.put(binds.primary(), binds.primary().config().name());
            for (Engine e : binds.entityEngines().values()) {
                if (!n.containsKey(e)) {
                    String name = e.config().name();
                    n.put(e, n.containsValue(name) ? name + "#" + n.size() : name);
                }
            }
            checkBinds(metadata);
        }
        this.names = Collections.unmodifiableMap(n);
    }

    private void checkBinds(Metadata metadata) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : binds.entityEngines().keySet()) {
            if (metadata.entities().stream().noneMatch(e -> e.type() == type)) {
                problems.add(type.getName() + " was given an engine with Binds.entity(...) but is not a registered entity; "
                        + "register it with entities(" + type.getSimpleName() + ".class, ...)");
            }
        }
        for (EntityModel e : metadata.entities()) {
            for (RelationshipModel r : e.relationships()) {
                if (r.kind() == RelationshipModel.Kind.MANY_TO_MANY && r.owning()
                        && binds.engineOf(e.type()) != binds.engineOf(r.target())) {
                    problems.add(r + " links " + e.name() + " (engine '" + names().get(binds.engineOf(e.type())) + "') with "
                            + r.target().getSimpleName() + " (engine '" + names().get(binds.engineOf(r.target())) + "'): a link "
                            + "table cannot join rows of two databases; bind both entities to one engine, or map the link as "
                            + "an entity of its own");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Per-entity engines cannot be used as configured:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private static void checkShardable(Metadata metadata) {
        List<String> problems = new ArrayList<>();
        for (EntityModel e : metadata.entities()) {
            for (PropertyModel p : e.idProperties()) {
                if (p.generation() == GenerationType.IDENTITY) {
                    problems.add(e.name() + "." + p.path() + " is an IDENTITY key: each shard would count from 1, so two "
                            + "shards would hold different rows under one key. Use @GeneratedValue(strategy = UUID), or a "
                            + "SEQUENCE whose range differs per shard (START WITH / INCREMENT BY per database)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Sharded entities need keys that stay unique across shards:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** Whether the entities are sharded. */
    public boolean sharded() {
        return shards != null;
    }

    /** The shards, or null. */
    public Shards shards() {
        return shards;
    }

    /** Whether sessions may use more than one database. */
    public boolean spansDatabases() {
        return names.size() > 1;
    }

    /** Each engine with its name (a shard's name, or the engine's), in the fixed order a session commits them. */
    public Map<Engine, String> names() {
        return names;
    }

    /** The engine of {@code entity}'s rows (not sharded): its own, or the primary. */
    public Engine engineOf(Class<?> entity) {
        return binds.engineOf(entity);
    }

    /**
     * The engine of shard {@code shard}.
     *
     * @throws ConfigurationException naming the shards when there is no such shard
     */
    public Engine shardEngine(String shard) {
        return shards.engine(shard);
    }

    /** The engines and the entities whose tables each holds, in the commit order (every entity on every shard). */
    public Map<Engine, List<EntityModel>> entitiesByEngine(Metadata metadata) {
        Map<Engine, List<EntityModel>> out = new LinkedHashMap<>();
        for (Engine e : names.keySet()) {
            out.put(e, new ArrayList<>());
        }
        for (EntityModel m : metadata.entities()) {
            if (shards != null) {
                out.values().forEach(l -> l.add(m));
            } else {
                out.get(engineOf(m.type())).add(m);
            }
        }
        return out;
    }
}

package io.athanor.orm.internal.session;

import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.Loading;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.route.Routes;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.query.Select;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which engine a session's statement goes to: the primary, the engine of the entities it reads or writes
 * (per-entity engines), or a shard, pinned while {@code onShard} work and a shard's loads run. One session's.
 */
final class SessionRouting {
    private final Routes routes;
    private final Engine primary;
    /** The shard statements run on now (pinned by onShard and while loading a shard's rows); null otherwise. */
    private String shard;

    SessionRouting(Routes routes, Engine primary) {
        this.routes = routes;
        this.primary = primary;
    }

    /** Whether a statement must choose its shards itself: sharded, and no shard pinned. */
    boolean choosesShards() {
        return routes.sharded() && shard == null;
    }

    String shard() {
        return shard;
    }

    /** The engine of {@code entity}'s rows (the primary for null): its own, or the pinned shard's. */
    Engine engineOf(Class<?> entity, String what) {
        if (routes.sharded()) {
            return routes.shardEngine(pinnedShard(what));
        }
        return entity == null ? primary : routes.engineOf(entity);
    }

    /** The engine a select runs on: that of its entities (one engine, or refused), or the pinned shard's. */
    Engine engineOf(Select<?> query, CompiledSelect c) {
        if (routes.sharded()) {
            return routes.shardEngine(pinnedShard("run this query"));
        }
        return routes.spansDatabases() ? QueryRouting.engineOf(routes, query, c) : primary;
    }

    /** The engine a row of {@code entity} in {@code rowShard} (null where not sharded) is written on. */
    Engine writeEngine(EntityModel entity, String rowShard) {
        if (routes.sharded()) {
            return routes.shardEngine(rowShard != null ? rowShard : pinnedShard("write " + entity.name()));
        }
        return routes.engineOf(entity.type());
    }

    private String pinnedShard(String what) {
        if (shard == null) {
            throw new AthanorException("Cannot " + what + " without a shard: the entities are sharded, and only queries "
                    + "and get() choose their shards themselves. Run it on a shard with session.onShard(name).");
        }
        return shard;
    }

    /** Runs {@code work} with shard {@code name} pinned (as is for null or the pinned one). */
    <T> T onShard(String name, Supplier<T> work) {
        if (name == null || name.equals(shard)) {
            return work.get();
        }
        routes.shardEngine(name);
        String before = shard;
        shard = name;
        try {
            return work.get();
        } finally {
            shard = before;
        }
    }

    boolean sameDatabase(Class<?> a, Class<?> b) {
        return routes.sharded() || routes.engineOf(a) == routes.engineOf(b);
    }

    boolean sharded() {
        return routes.sharded();
    }

    /** Checks {@code name} is a shard of a sharded factory. */
    void checkShard(String name) {
        checkSharded("onShard(\"" + name + "\")");
        routes.shardEngine(name);
    }

    private void checkSharded(String call) {
        if (!routes.sharded()) {
            throw new AthanorException(call + " is for sessions of a sharded factory (SessionFactory.builder(shards)); this "
                    + "factory's entities are not sharded.");
        }
    }

    /** The shard of {@code instance}, whose entry (or null) the session holds. */
    String shardOf(Object instance, EntityEntry e) {
        checkSharded("shardOf()");
        if (e == null || e.shard == null) {
            throw new AthanorException("This session " + (e == null ? "does not hold this " : "has not placed this new ")
                    + Loading.entityClass(instance).getSimpleName() + (e == null ? "; load or add it in this session first."
                    : " in a shard yet; flush() places it."));
        }
        return e.shard;
    }

    /** The shard the shard chooser gives {@code instance}, checked; null where not sharded. */
    String chooseShard(Object instance) {
        if (!routes.sharded()) {
            return null;
        }
        String chosen = routes.shards().shardChooser().shardOf(instance);
        if (chosen == null || !routes.shards().engines().containsKey(chosen)) {
            throw new AthanorException("The shard chooser gave " + (chosen == null ? "null" : "'" + chosen + "'") + " for a "
                    + Loading.entityClass(instance).getSimpleName() + ", which is not a shard; it must return one of "
                    + routes.shards().engines().keySet() + ".");
        }
        return chosen;
    }

    /** The shards the query chooser gives {@code query}, checked. */
    List<String> queryShards(Select<?> query) {
        return ShardedQueries.checked(routes.shards().queryChooser().shardsFor(query), routes.shards().engines().keySet(),
                "query chooser");
    }

    /** The shards the identity chooser gives, in order, checked. */
    List<String> identityShards(Class<?> type, Object id) {
        return ShardedQueries.checked(routes.shards().identityChooser().shardsOf(type, id), routes.shards().engines().keySet(),
                "identity chooser");
    }

    /** Refuses savepoints where a session may write to more than one database. */
    void checkSavepoints() {
        if (routes.spansDatabases()) {
            throw new AthanorException("Cannot beginNested() in a session over several databases " + routes.names().values()
                    + ": a savepoint belongs to one database, so its rollback would leave the others' writes in place. Use "
                    + "a session per database for work that needs savepoints, or commit() and rollback() the whole unit.");
        }
    }
}

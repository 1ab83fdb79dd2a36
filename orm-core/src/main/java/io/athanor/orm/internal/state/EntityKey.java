package io.athanor.orm.internal.state;

/**
 * An identity-map key: entity type, primary key value (a List for composite keys), and the shard the row lives
 * in ({@code null} when entities are not sharded), so that equal keys in two shards are two instances.
 */
public record EntityKey(Class<?> type, Object id, String shard) {

    /** A key of an entity that is not sharded. */
    public EntityKey(Class<?> type, Object id) {
        this(type, id, null);
    }
}

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

    @Override
    public int hashCode() {
        return hash(type, id, shard);
    }

    /** The hash code of the key with these parts (what {@link IdentityMap} looks keys up by without making one). */
    static int hash(Class<?> type, Object id, String shard) {
        return (type.hashCode() * 31 + java.util.Objects.hashCode(id)) * 31 + java.util.Objects.hashCode(shard);
    }
}

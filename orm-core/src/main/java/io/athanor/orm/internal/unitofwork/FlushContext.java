package io.athanor.orm.internal.unitofwork;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.persistence.WritePlan;

/** What a unit of work needs from its session: metadata, write plans, key generation, and the transaction to write in. */
public interface FlushContext {

    Metadata metadata();

    WritePlan plan(EntityModel model);

    Object nextSequenceValue(PropertyModel id, Connection connection);

    /** The session's connection to the primary, in a transaction (begun now if needed). */
    Connection transaction();

    /** The session's connection, in a transaction, to the database of {@code entity}'s rows in {@code shard} (or null). */
    Connection transaction(EntityModel entity, String shard);

    /** The connection, in a transaction, to the database {@code e}'s row lives in (its entity's engine, or its shard). */
    default Connection transaction(io.athanor.orm.internal.state.EntityEntry e) {
        return transaction(e.model, e.shard);
    }

    /**
     * The shard the shard chooser gives {@code instance}, checked to be one of the shards; {@code null} where
     * entities are not sharded.
     */
    String chooseShard(Object instance);

    /** The most rows per JDBC batch, or 0 for no limit. */
    default int batchSize() {
        return 0;
    }

    /** Whether entities are sharded. */
    boolean sharded();
}

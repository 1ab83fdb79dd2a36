package io.athanor.orm.internal.persistence;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.EntityKey;
import java.util.List;

/** What the SQL of a flush needs from its session and factory: metadata, write plans, key generation, and the identity map's bookkeeping. */
public interface PersistenceContext {

    Metadata metadata();

    WritePlan plan(EntityModel model);

    Object nextSequenceValue(PropertyModel id, Connection connection);

    /** The most rows per JDBC batch, or 0 for no limit (the session's {@code batchSize}). */
    default int batchSize() {
        return 0;
    }

    /** An entry has just been inserted and now has {@code key}. */
    void registered(EntityEntry entry, EntityKey key);

    /** An entry's row is about to be updated: its snapshot is replaced next (the unit of work keeps the old one for a rollback). */
    void updating(EntityEntry entry);

    /** These entries' rows were deleted. */
    void forgetAll(List<EntityEntry> deleted);
}

package io.athanor.orm.internal.session;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import java.util.List;

/** What a flush needs from its session and factory. */
interface SessionContext {

    Metadata metadata();

    WritePlan plan(EntityModel model);

    Object nextSequenceValue(PropertyModel id, Connection connection);

    /** An entry has just been inserted and now has {@code key}. */
    void registered(EntityEntry entry, EntityKey key);

    /** These entries' rows were deleted. */
    void forgetAll(List<EntityEntry> deleted);
}

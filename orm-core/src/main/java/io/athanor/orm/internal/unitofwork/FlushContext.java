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

    /** The session's connection, in a transaction (begun now if needed). */
    Connection transaction();
}

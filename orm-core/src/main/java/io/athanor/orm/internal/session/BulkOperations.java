package io.athanor.orm.internal.session;

import io.athanor.orm.BulkMode;
import io.athanor.orm.internal.DefaultSessionFactory;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.persistence.BulkWriter;
import io.athanor.orm.internal.persistence.PersistenceContext;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A session's bulk operations ({@code bulkInsertMappings}, {@code bulkUpdateMappings}): the rows go to the
 * entity's database in batches of the session's batch size. A bulk update then synchronizes the instances of
 * the rows it wrote that the session holds, like SQLAlchemy's {@code synchronize_session="evaluate"}: each
 * written field takes the written value, in the instance and in its snapshot, so the next flush does not write
 * the row again; fields the row did not give keep their pending changes.
 */
final class BulkOperations {
    private final DefaultSessionFactory factory;
    private final SessionTransaction tx;
    private final SessionRouting route;
    private final IdentityMap map;
    private final PersistenceContext work;
    private final BiFunction<Class<?>, Object, Object> reference;

    BulkOperations(DefaultSessionFactory factory, SessionTransaction tx, SessionRouting route, IdentityMap map,
                   PersistenceContext work, BiFunction<Class<?>, Object, Object> reference) {
        this.factory = factory;
        this.tx = tx;
        this.route = route;
        this.map = map;
        this.work = work;
        this.reference = reference;
    }

    long insert(Class<?> entity, List<? extends Map<String, ?>> rows, BulkMode mode) {
        BulkWriter writer = writer(entity);
        var connection = tx.forWrite(route.engineOf(entity, "bulk-insert rows"));
        return mode == BulkMode.COPY ? writer.copy(connection, rows) : writer.insert(connection, rows);
    }

    long update(Class<?> entity, List<? extends Map<String, ?>> rows) {
        EntityModel model = factory.metadata().entity(entity);
        WritePlan plan = work.plan(model);
        Map<Object, EntityEntry> held = held(model);
        BulkWriter.Written sync = held.isEmpty() ? null
                : (key, columns, values, given) -> synchronize(plan, held.get(key.length == 1 ? key[0] : Arrays.asList(key)),
                        columns, values, given);
        return writer(entity).update(tx.forWrite(route.engineOf(entity, "bulk-update rows")), rows, sync);
    }

    private BulkWriter writer(Class<?> entity) {
        return new BulkWriter(work.plan(factory.metadata().entity(entity)), factory.dialect(), work.batchSize());
    }

    /** The persistent instances of {@code model} (or its subclasses) the session holds, by key. */
    private Map<Object, EntityEntry> held(EntityModel model) {
        Map<Object, EntityEntry> held = new HashMap<>();
        for (EntityEntry e : map.entries()) {
            if (e.status() == EntityEntry.Status.PERSISTENT && e.hasKey() && e.snapshot != null && !e.hollow
                    && model.type().isAssignableFrom(e.model.type())) {
                held.put(e.id(), e);
            }
        }
        return held;
    }

    /** The row of {@code e} now holds {@code values} in {@code columns}: so do its snapshot and its instance. */
    private void synchronize(WritePlan plan, EntityEntry e, int[] columns, Object[] values, Object[] given) {
        if (e == null) {
            return;
        }
        work.updating(e);
        Object[] snapshot = e.snapshot.clone();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] < 0) {
                continue;
            }
            WritePlan.Column c = plan.columns.get(columns[i]);
            snapshot[columns[i]] = c.model.type().snapshot(values[i]); // its own copy of a mutable value
            if (c.property != null) {
                c.property.accessor().set(e.instance, values[i]);
            }
            if (c.relation != null) {
                RelationshipModel r = c.relation;
                Object parent = values[i] == null ? null
                        : r.target().isInstance(given[i]) ? given[i] : reference.apply(r.target(), values[i]);
                r.accessor().set(e.instance, parent);
                e.markToOne(r);
            }
        }
        e.snapshot = snapshot;
    }
}

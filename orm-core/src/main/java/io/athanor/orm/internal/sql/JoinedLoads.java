package io.athanor.orm.internal.sql;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Load;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Load plans per entity and options, cached for the compiler's shape walk and rendering. Thread-safe. */
public final class JoinedLoads {
    private static final int MAX_PLANS = 2048;
    private final Metadata metadata;
    private final Map<Object, LoadPlan> plans = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> defaultMultiplies = new ConcurrentHashMap<>();

    public JoinedLoads(Metadata metadata) {
        this.metadata = metadata;
    }

    EntityModel entityOf(Object source) {
        return metadata.entity(source instanceof Aliased ? ((Aliased<?>) source).entityType() : (Class<?>) source);
    }

    /** The plan for a query of {@code entity} with {@code loads}. */
    public LoadPlan plan(EntityModel entity, List<Load> loads) {
        Object key = loads.isEmpty() ? entity.type() : List.of(entity.type(), loads);
        LoadPlan plan = plans.get(key);
        if (plan == null) {
            plan = LoadPlan.of(metadata, entity, loads);
            if (plans.size() >= MAX_PLANS) {
                plans.clear();
            }
            plans.put(key, plan);
        }
        return plan;
    }

    /** Whether the select joins to-many relationships into its rows. */
    boolean joinsCollections(Object source, List<Load> loads) {
        if (loads.isEmpty()) {
            Class<?> type = source instanceof Aliased ? ((Aliased<?>) source).entityType() : (Class<?>) source;
            Boolean b = defaultMultiplies.get(type);
            if (b == null) {
                b = multiplies(plan(entityOf(source), loads));
                defaultMultiplies.put(type, b);
            }
            return b;
        }
        return multiplies(plan(entityOf(source), loads));
    }

    private static boolean multiplies(LoadPlan plan) {
        for (LoadPlan n : plan.joined()) {
            if (n.relationship().toMany() && !n.fromQuery()) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Attribute<?, ?> keyAttribute(Object source) {
        if (!(source instanceof Class)) {
            throw new AthanorException("JOINED loading of a collection with limit, offset or distinct needs a select of the "
                    + "entity class itself, not of an alias (" + source + "); use selectinLoad(...) for this query.");
        }
        EntityModel e = entityOf(source);
        if (e.idProperties().size() != 1) {
            throw new AthanorException(e.name() + " has a composite key, so JOINED loading of its collections cannot be "
                    + "combined with limit, offset or distinct; use selectinLoad(...) for this query.");
        }
        PropertyModel id = e.idProperties().get(0);
        return new Attribute((Class) source, id.path(), id.javaType());
    }
}

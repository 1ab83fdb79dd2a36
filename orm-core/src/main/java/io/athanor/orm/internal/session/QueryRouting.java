package io.athanor.orm.internal.session;

import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.internal.route.Routes;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Select;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which engine a select runs on where entities live on several engines: the one engine of every entity it
 * selects from, joins or loads with a joined load; a statement that would need two is refused with what to do.
 */
final class QueryRouting {
    private QueryRouting() {
    }

    static Engine engineOf(Routes routes, Select<?> query, CompiledSelect compiled) {
        Map<Class<?>, Engine> used = new LinkedHashMap<>();
        if (compiled != null && compiled.entity() != null) {
            used.put(compiled.entity().type(), routes.engineOf(compiled.entity().type()));
        }
        if (query != null) {
            for (Object source : query.sources()) {
                Class<?> type = source instanceof Class<?> c ? c : source instanceof Aliased<?> a ? a.entityType() : null;
                if (type != null) {
                    used.putIfAbsent(type, routes.engineOf(type));
                }
            }
        }
        Engine engine = null;
        Class<?> first = null;
        for (Map.Entry<Class<?>, Engine> e : used.entrySet()) {
            if (engine == null) {
                engine = e.getValue();
                first = e.getKey();
            } else if (e.getValue() != engine) {
                throw new AthanorException("This query joins " + first.getSimpleName() + " (engine '"
                        + routes.names().get(engine) + "') with " + e.getKey().getSimpleName() + " (engine '"
                        + routes.names().get(e.getValue()) + "'), but one statement cannot read two databases. Query each "
                        + "entity on its own, and load relationships across engines with selectinLoad(...) or lazy loading.");
            }
        }
        if (compiled != null && compiled.plan() != null) {
            for (LoadPlan joined : compiled.joined()) {
                Engine other = routes.engineOf(joined.entity().type());
                if (other != engine) {
                    throw new AthanorException("The joined load of " + joined.relationship() + " would join "
                            + first.getSimpleName() + " (engine '" + routes.names().get(engine) + "') with "
                            + joined.entity().name() + " (engine '" + routes.names().get(other) + "'), but one statement "
                            + "cannot read two databases. Load it with selectinLoad(...) or lazy loading instead (in the query's "
                            + "options, or fetch = SELECTIN on the mapping).");
                }
            }
        }
        return engine != null ? engine : routes.engineOf(Object.class);
    }
}

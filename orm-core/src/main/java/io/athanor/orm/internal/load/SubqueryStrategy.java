package io.athanor.orm.internal.load;

import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.query.Select;
import java.util.List;

/**
 * SUBQUERY: one statement that selects the related rows whose keys the parent query selects, by
 * running that query again as a subquery. Parents that did not come straight from a query load as
 * SELECTIN does.
 */
final class SubqueryStrategy implements LoaderStrategy {
    static final SubqueryStrategy INSTANCE = new SubqueryStrategy();

    @Override
    public void afterRows(RowLoader loader, LoadPlan node, List<Object> parents, Select<?> parentQuery) {
        loader.relationships().loadEagerly(node.relationship(), parents, node.loads(), parentQuery);
    }
}

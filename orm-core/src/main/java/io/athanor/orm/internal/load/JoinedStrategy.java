package io.athanor.orm.internal.load;

import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.query.Select;
import java.util.List;

/**
 * JOINED: the relationship comes in the parent statement's rows by an outer join. Where the parents did
 * not come from such a statement (a lazy load, a stream), it loads as SELECTIN does.
 */
final class JoinedStrategy implements LoaderStrategy {
    static final JoinedStrategy INSTANCE = new JoinedStrategy();

    @Override
    public void afterRows(RowLoader loader, LoadPlan node, List<Object> parents, Select<?> parentQuery) {
        SelectinStrategy.INSTANCE.afterRows(loader, node, parents, parentQuery);
    }
}

package io.athanor.orm.internal.load;

import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.query.Select;
import java.util.List;

/** DYNAMIC: a {@link io.athanor.orm.DynamicCollection} query object bound to the session; nothing loads until asked. */
final class DynamicStrategy implements LoaderStrategy {
    static final DynamicStrategy INSTANCE = new DynamicStrategy();

    @Override
    public void afterRows(RowLoader loader, LoadPlan node, List<Object> parents, Select<?> parentQuery) {
        loader.relationships().setUpDynamic(node.relationship(), parents);
    }
}

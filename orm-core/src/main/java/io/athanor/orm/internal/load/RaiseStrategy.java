package io.athanor.orm.internal.load;

import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.query.Select;
import java.util.List;

/** RAISE: touching the relationship throws, naming it and the option that loads it. */
final class RaiseStrategy implements LoaderStrategy {
    static final RaiseStrategy INSTANCE = new RaiseStrategy();

    @Override
    public void afterRows(RowLoader loader, LoadPlan node, List<Object> parents, Select<?> parentQuery) {
        if (loader.relationships().linkedAbove(node.relationship(), parentQuery)) {
            return; // the select-in load running parentQuery points these children at their parents
        }
        loader.lazyValues().setUpLazy(node.relationship(), parents, List.of(), true);
    }
}

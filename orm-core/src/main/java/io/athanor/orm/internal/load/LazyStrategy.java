package io.athanor.orm.internal.load;

import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.query.Select;
import java.util.List;

/**
 * SELECT (lazy): a collection that loads on first use, or a reference (a generated subclass holding the
 * key) that loads on its first call other than the id getter. The inverse side of a one-to-one has no
 * key to make a reference from, so it loads as SELECTIN does. Either way the options below the node
 * apply to what loads, as one group (a SELECTIN below a lazy collection: one statement per lazy load).
 */
final class LazyStrategy implements LoaderStrategy {
    static final LazyStrategy INSTANCE = new LazyStrategy();

    @Override
    public void afterRows(RowLoader loader, LoadPlan node, List<Object> parents, Select<?> parentQuery) {
        if (loader.relationships().linkedAbove(node.relationship(), parentQuery)) {
            return; // the select-in load running parentQuery points these children at their parents
        }
        loader.lazyValues().setUpLazy(node.relationship(), parents, node.loads(), false);
    }
}

package io.athanor.orm.internal.load;

import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.query.Select;
import java.util.List;

/** SELECTIN: one {@code WHERE key IN (...)} statement per batch of parent keys. */
final class SelectinStrategy implements LoaderStrategy {
    static final SelectinStrategy INSTANCE = new SelectinStrategy();

    @Override
    public void afterRows(RowLoader loader, LoadPlan node, List<Object> parents, Select<?> parentQuery) {
        loader.relationships().loadEagerly(node.relationship(), parents, node.loads(), null);
    }
}

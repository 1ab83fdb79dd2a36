package io.athanor.orm.internal.load;

import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.query.Select;
import java.util.List;

/**
 * One way of loading a relationship (SQLAlchemy's loader strategy). A query meets its strategies at
 * three points: when it is compiled (JOINED adds the relationship's columns and outer join, which the
 * compiler renders from the query's load plan), per row (JOINED reads the related row from the same
 * row, in the session's joined-row reader), and after the rows ({@link #afterRows}: SELECTIN and
 * SUBQUERY run their statement; SELECT, RAISE and DYNAMIC give each instance a value that loads,
 * throws or queries later). The first two belong to the compiler and the identity map; this
 * interface is the third.
 */
interface LoaderStrategy {

    /**
     * Loads or sets up {@code node}'s relationship on {@code parents}, which {@code parentQuery} returned
     * ({@code null} when they did not come straight from one query).
     */
    void afterRows(RowLoader loader, LoadPlan node, List<Object> parents, Select<?> parentQuery);

    /** The strategy for {@code mode}. */
    static LoaderStrategy of(FetchMode mode) {
        switch (mode) {
            case JOINED:
                return JoinedStrategy.INSTANCE;
            case SELECTIN:
                return SelectinStrategy.INSTANCE;
            case SUBQUERY:
                return SubqueryStrategy.INSTANCE;
            case DYNAMIC:
                return DynamicStrategy.INSTANCE;
            case RAISE:
                return RaiseStrategy.INSTANCE;
            case SELECT:
            default:
                return LazyStrategy.INSTANCE;
        }
    }
}

package io.athanor.orm.query;

import io.athanor.orm.annotations.FetchMode;

/**
 * Starts loader options for {@link Select#options(Load...)}; import its methods statically. Each returns
 * a {@link Load} path that can go deeper with the same-named methods.
 */
public final class Loads {
    private Loads() {
    }

    /** Loads {@code relationship} in the same statement, by a LEFT OUTER JOIN (SQLAlchemy's {@code joinedload}). */
    public static Load joinedLoad(Attribute<?, ?> relationship) {
        return Load.of(relationship, FetchMode.JOINED);
    }

    /** Loads {@code relationship} with one {@code WHERE key IN (...)} statement per batch of parents ({@code selectinload}). */
    public static Load selectinLoad(Attribute<?, ?> relationship) {
        return Load.of(relationship, FetchMode.SELECTIN);
    }

    /** Loads {@code relationship} with one statement that joins it to the original query as a subquery ({@code subqueryload}). */
    public static Load subqueryLoad(Attribute<?, ?> relationship) {
        return Load.of(relationship, FetchMode.SUBQUERY);
    }

    /** Loads {@code relationship} on first use, one statement per parent ({@code lazyload}). */
    public static Load lazyLoad(Attribute<?, ?> relationship) {
        return Load.of(relationship, FetchMode.SELECT);
    }

    /** Makes touching {@code relationship} throw, so that no statement runs unnoticed ({@code raiseload}). */
    public static Load raiseLoad(Attribute<?, ?> relationship) {
        return Load.of(relationship, FetchMode.RAISE);
    }

    static String methodName(FetchMode mode) {
        switch (mode) {
            case JOINED:
                return "joinedLoad";
            case SELECTIN:
                return "selectinLoad";
            case SUBQUERY:
                return "subqueryLoad";
            case RAISE:
                return "raiseLoad";
            default:
                return "lazyLoad";
        }
    }
}

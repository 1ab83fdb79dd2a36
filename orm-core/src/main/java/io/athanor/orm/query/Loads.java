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

    /**
     * Fills {@code relationship} from the rows of the query's own join along it, instead of joining the table again
     * (SQLAlchemy's {@code contains_eager}, JPQL's {@code join fetch} with a condition):
     * <pre>{@code
     * session.select(User.class).join(User_.orders).where(Order_.status.eq("open"))
     *        .options(containsEager(User_.orders)).list();   // each user's orders: only the open ones
     * }</pre>
     * The query must join the relationship's target entity class (for an alias, see
     * {@link #containsEager(Expression, Aliased)}). A collection filled so holds what the query's rows hold, which may
     * be a filtered subset; flushing it writes nothing for the elements left out. Parents whose relationship the session
     * has already loaded keep what they have. Deeper options may follow ({@code .selectinLoad(Order_.lines)}).
     *
     * @throws io.athanor.orm.error.AthanorException if {@code relationship} is not a relationship, or leads to its own
     *                                               entity (use the alias form)
     */
    public static Load containsEager(Attribute<?, ?> relationship) {
        return Load.containsEager(relationship, relationship.javaType());
    }

    /**
     * {@link #containsEager(Attribute)} reading the relationship's rows from {@code alias}, the alias the query joins
     * it to: {@code .join(Category_.parent, parent).options(containsEager(Category_.parent, parent))}.
     */
    public static <T> Load containsEager(Expression<T> relationship, Aliased<T> alias) {
        if (!(relationship instanceof Attribute)) {
            throw new io.athanor.orm.error.AthanorException("containsEager(...) takes a relationship attribute of the queried "
                    + "entity, such as User_.orders; got " + relationship + ".");
        }
        return Load.containsEager((Attribute<?, ?>) relationship, java.util.Objects.requireNonNull(alias, "alias"));
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

package io.athanor.orm.query;

import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A loader option for one query: a path of relationships, each with the strategy that loads it,
 * overriding the {@code fetch} of the mapping for this query only. Start one with the static methods of
 * {@link Loads} and go deeper with the methods here:
 * <pre>{@code
 * session.select(User.class)
 *        .options(selectinLoad(User_.orders).joinedLoad(Order_.items), raiseLoad(User_.articles))
 *        .list();
 * }</pre>
 * Immutable and thread-safe; equal paths with equal strategies are equal, so queries built with them
 * share one compiled statement.
 */
public final class Load {
    private final List<Attribute<?, ?>> path;
    private final List<FetchMode> strategies;
    /** For contains-eager: the FROM item of the query whose rows fill the first relationship; {@code null} otherwise. */
    private final Object from;

    private Load(List<Attribute<?, ?>> path, List<FetchMode> strategies, Object from) {
        this.path = path;
        this.strategies = strategies;
        this.from = from;
    }

    static Load of(Attribute<?, ?> relationship, FetchMode strategy) {
        return new Load(List.of(check(relationship)), List.of(strategy), null);
    }

    static Load containsEager(Attribute<?, ?> relationship, Object from) {
        check(relationship);
        if (from instanceof Class && from == relationship.entityType()) {
            String name = relationship.entityType().getSimpleName();
            throw new AthanorException("containsEager(" + name + "_." + relationship.path() + ") fills " + name + "s from rows "
                    + "of " + name + " itself, so the query joins it under an alias: give that alias to both, "
                    + ".join(" + name + "_." + relationship.path() + ", alias).options(containsEager(" + name + "_."
                    + relationship.path() + ", alias)).");
        }
        return new Load(List.of(relationship), List.of(FetchMode.JOINED), Objects.requireNonNull(from, "alias"));
    }

    /**
     * For a contains-eager option ({@link Loads#containsEager}): the FROM item of the query (the joined entity class or
     * alias) whose columns fill the first relationship of the path; {@code null} for other options.
     */
    public Object containsEagerFrom() {
        return from;
    }

    private static Attribute<?, ?> check(Attribute<?, ?> relationship) {
        Objects.requireNonNull(relationship, "relationship");
        if (!(relationship instanceof CollectionAttribute) && !(relationship instanceof ReferenceAttribute)) {
            throw new AthanorException(relationship + " is a column, not a relationship; loader options take relationship "
                    + "attributes such as User_.orders or Order_.user.");
        }
        return relationship;
    }

    private Load then(Attribute<?, ?> relationship, FetchMode strategy) {
        check(relationship);
        Attribute<?, ?> last = path.get(path.size() - 1);
        if (!relationship.entityType().isAssignableFrom(last.javaType())) {
            throw new AthanorException("The load path cannot go from " + last + " (to " + last.javaType().getSimpleName()
                    + ") to " + relationship + ": the next relationship must belong to " + last.javaType().getSimpleName() + ".");
        }
        List<Attribute<?, ?>> p = new ArrayList<>(path);
        p.add(relationship);
        List<FetchMode> s = new ArrayList<>(strategies);
        s.add(strategy);
        return new Load(Collections.unmodifiableList(p), Collections.unmodifiableList(s), from);
    }

    /** Also loads {@code relationship} of the entities at the end of this path in the same statement (JOINED). */
    public Load joinedLoad(Attribute<?, ?> relationship) {
        return then(relationship, FetchMode.JOINED);
    }

    /** Also loads {@code relationship} of the entities at the end of this path with one IN query per batch (SELECTIN). */
    public Load selectinLoad(Attribute<?, ?> relationship) {
        return then(relationship, FetchMode.SELECTIN);
    }

    /** Also loads {@code relationship} of the entities at the end of this path by re-running the query as a subquery. */
    public Load subqueryLoad(Attribute<?, ?> relationship) {
        return then(relationship, FetchMode.SUBQUERY);
    }

    /** Leaves {@code relationship} of the entities at the end of this path to load on first use (SELECT). */
    public Load lazyLoad(Attribute<?, ?> relationship) {
        return then(relationship, FetchMode.SELECT);
    }

    /** Makes {@code relationship} of the entities at the end of this path throw when touched (RAISE). */
    public Load raiseLoad(Attribute<?, ?> relationship) {
        return then(relationship, FetchMode.RAISE);
    }

    /** This path without its first relationship, as an option for a query of that relationship's target; {@code null} if none. */
    public Load tail() {
        return path.size() == 1 ? null : new Load(path.subList(1, path.size()), strategies.subList(1, strategies.size()), null);
    }

    /** The relationships of the path, from the queried entity outwards. */
    public List<Attribute<?, ?>> path() {
        return path;
    }

    /** The strategy for each relationship of {@link #path()}. */
    public List<FetchMode> strategies() {
        return strategies;
    }

    /** Equal by path, strategies and, for contains-eager, the kind of FROM item (an alias by entity and name). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Load && ((Load) o).path.equals(path) && ((Load) o).strategies.equals(strategies)
                && Objects.equals(fromKey(((Load) o).from), fromKey(from));
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + strategies.hashCode() + Objects.hashCode(fromKey(from));
    }

    private static Object fromKey(Object from) {
        return from instanceof Aliased ? List.of(((Aliased<?>) from).entityType(), String.valueOf(((Aliased<?>) from).name()))
                : from;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            sb.append(i == 0 ? "" : ".").append(i == 0 && from != null ? "containsEager" : Loads.methodName(strategies.get(i)))
                    .append('(')
                    .append(path.get(i).entityType().getSimpleName()).append("_.").append(path.get(i).path()).append(')');
        }
        return sb.toString();
    }
}

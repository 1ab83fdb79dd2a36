package io.athanor.orm.internal.session;

import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.SelectClauses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A select over several shards: runs on each shard the query chooser names, concatenates the results in that
 * order, merges ORDER BY over selected columns or the entity's own columns, and applies LIMIT and OFFSET after the
 * merge. What concatenation cannot combine (aggregates, GROUP BY, DISTINCT, set operations) is refused.
 */
final class ShardedQueries {
    private ShardedQueries() {
    }

    /** The results of {@code query} over {@code shards}; {@code onShard} runs a select on one shard. */
    static <R> List<R> list(Select<R> query, List<String> shards, Metadata metadata,
                            java.util.function.BiFunction<String, Select<R>, List<R>> onShard) {
        if (shards.size() == 1) {
            return onShard.apply(shards.get(0), query);
        }
        SelectClauses clauses = query.clauses();
        if (clauses.unmergeable() != null) {
            throw new AthanorException("This query has " + clauses.unmergeable() + ", which cannot be combined across the "
                    + "shards " + shards + " the query chooser gave: each shard would answer for its own rows only. Run it on "
                    + "one shard with session.onShard(name), and combine the shards' answers yourself, or make the query "
                    + "chooser name one shard for it.");
        }
        Comparator<Object> order = comparator(query, clauses, metadata);
        Integer limit = clauses.limit();
        int offset = clauses.offset() == null ? 0 : clauses.offset();
        Select<R> each = query;
        if (limit != null) {
            each = each.limit(limit + offset);
        }
        if (clauses.offset() != null) {
            each = each.offset(0);
        }
        List<R> all = new ArrayList<>();
        for (String shard : shards) {
            all.addAll(onShard.apply(shard, each));
        }
        if (order != null) {
            all.sort(order);
        }
        int from = Math.min(offset, all.size());
        int to = limit == null ? all.size() : Math.min(all.size(), from + limit);
        return from == 0 && to == all.size() ? all : new ArrayList<>(all.subList(from, to));
    }

    /** How the merged results order, or null for no ORDER BY; refuses an order it cannot read from the results. */
    private static Comparator<Object> comparator(Select<?> query, SelectClauses clauses, Metadata metadata) {
        Comparator<Object> out = null;
        for (SelectClauses.Ordering o : clauses.orderBy()) {
            Function<Object, Object> key = keyOf(query, o, metadata);
            Comparator<Object> c = Comparator.comparing(key, values(o.ascending(), o.nullsFirst()));
            out = out == null ? c : out.thenComparing(c);
        }
        return out;
    }

    private static Function<Object, Object> keyOf(Select<?> query, SelectClauses.Ordering o, Metadata metadata) {
        if (query.selectsEntity()) {
            if (o.expression() instanceof Attribute<?, ?> a && query.entitySource() instanceof Class<?> type
                    && a.entityType() == type) {
                EntityModel model = metadata.entity(type);
                for (PropertyModel p : model.properties()) {
                    if (p.path().equals(a.path())) {
                        return instance -> p.accessor().get(instance);
                    }
                }
            }
        } else {
            List<Expression<?>> columns = query.columns();
            List<String> labels = query.labels();
            for (int i = 0; i < columns.size(); i++) {
                int index = i;
                if (o.label() != null ? o.label().equals(labels.get(i)) : columns.get(i).equals(o.expression())) {
                    return row -> ((Row) row).get(index);
                }
            }
        }
        throw new AthanorException("Cannot merge the ORDER BY " + (o.label() != null ? o.label() : o.expression())
                + " across shards: results of several shards are merged by a column of the selected entity (select("
                + "Order.class).orderBy(Order_.createdAt)) or by a selected column. Order by such a column, or run the "
                + "query on one shard with session.onShard(name).");
    }

    /** Values as the databases order them: NULLs last when ascending (PostgreSQL's default) unless told otherwise. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> values(boolean ascending, Boolean nullsFirst) {
        Comparator<Object> natural = (a, b) -> ((Comparable) a).compareTo(b);
        Comparator<Object> directed = ascending ? natural : natural.reversed();
        boolean first = nullsFirst != null ? nullsFirst : !ascending;
        return first ? Comparator.nullsFirst(directed) : Comparator.nullsLast(directed);
    }

    /** Checks that the chooser's shards exist and there is at least one. */
    static List<String> checked(List<String> chosen, Set<String> shards, String chooser) {
        if (chosen == null || chosen.isEmpty()) {
            throw new AthanorException("The " + chooser + " named no shard; it must return at least one of " + shards + ".");
        }
        for (String s : chosen) {
            if (!shards.contains(s)) {
                throw new AthanorException("The " + chooser + " named shard '" + s + "', which does not exist; the shards are "
                        + shards + ".");
            }
        }
        return chosen;
    }
}

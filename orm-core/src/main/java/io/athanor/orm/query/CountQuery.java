package io.athanor.orm.query;

import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement behind {@link Select#count()}: how many results {@link Select#list()} would return,
 * without reading them.
 *
 * <ul>
 *   <li>An entity select without DISTINCT, GROUP BY, HAVING, LIMIT or OFFSET counts its rows directly:
 *       {@code SELECT COUNT(*) FROM users JOIN ... WHERE ...}.</li>
 *   <li>Otherwise it counts the rows of a subquery selecting only the entity's key:
 *       {@code SELECT COUNT(*) FROM (SELECT [DISTINCT] users.id FROM ... LIMIT ? OFFSET ?) counted}. DISTINCT is
 *       added where the select gives each entity once however many rows its joins repeat it in (relationships
 *       loaded from its own rows).</li>
 *   <li>A column select counts the rows of a subquery selecting its columns (an aggregate without GROUP BY is
 *       one row, and DISTINCT depends on every column).</li>
 * </ul>
 *
 * A LIMIT and OFFSET given by the user stay in the subquery, so the count is the number of results that
 * page holds (at most the limit); the ORDER BY is dropped, and the counting statement itself has no LIMIT.
 */
final class CountQuery {
    private CountQuery() {
    }

    /** A select's parts, as {@link Select#parts()} gives them. */
    record Parts(Object entitySource, List<Expression<?>> columns, Object from, List<Join> joins, Expression<Boolean> where,
                 List<Expression<?>> groupBy, Expression<Boolean> having, Integer limit, Integer offset, boolean distinct,
                 boolean combined, List<CommonTable> commonTables, QueryExecutor executor) {
    }

    static long count(Select<?> select, Parts p) {
        if (p.executor() == null) {
            throw new AthanorException("This query belongs to no session: build it with session.select(...) to count it.");
        }
        Select<Row> counting;
        if (p.entitySource() != null && !p.combined()) {
            boolean collapses = !p.joins().isEmpty() && p.executor().collapsesRows(select);
            boolean direct = !p.distinct() && !collapses && p.groupBy().isEmpty() && p.having() == null && p.limit() == null
                    && p.offset() == null;
            if (direct) {
                counting = rebuild(p, List.of(Sql.count()), false, false);
            } else {
                Select<Row> keys = rebuild(p, List.of(new EntityKey(p.entitySource())), p.distinct() || collapses, true);
                counting = Select.<Row>ofColumns(List.of(Sql.count()), null).from(keys.as("counted"));
            }
        } else {
            counting = Select.<Row>ofColumns(List.of(Sql.count()), null).from(select.relabelled().as("counted"));
        }
        List<Row> rows = counting.on(p.executor()).list();
        return rows.get(0).get(0, Long.class);
    }

    /** The select over the same FROM, joins, WHERE, GROUP BY and HAVING, selecting {@code columns}. */
    private static Select<Row> rebuild(Parts p, List<Expression<?>> columns, boolean distinct, boolean keepPage) {
        Select<Row> s = Select.<Row>ofColumns(columns, null).from(p.from());
        for (Join j : p.joins()) {
            s = j.outer ? (j.on == null ? s.outerJoin(j.target) : s.outerJoin(j.target, j.on))
                    : (j.on == null ? s.join(j.target) : s.join(j.target, j.on));
        }
        if (p.where() != null) {
            s = s.where(p.where());
        }
        if (!p.groupBy().isEmpty()) {
            s = s.groupBy(p.groupBy().toArray(new Expression<?>[0]));
        }
        if (p.having() != null) {
            s = s.having(p.having());
        }
        if (distinct) {
            s = s.distinct();
        }
        if (keepPage && p.limit() != null) {
            s = s.limit(p.limit());
        }
        if (keepPage && p.offset() != null) {
            s = s.offset(p.offset());
        }
        if (!p.commonTables().isEmpty()) {
            s = s.with(p.commonTables().toArray(new CommonTable[0]));
        }
        return s;
    }

    /** The key columns of an entity source. */
    private static final class EntityKey extends Expression<Object> {
        private final Object source;

        EntityKey(Object source) {
            this.source = source;
        }

        @Override
        public void render(SqlBuilder b) {
            b.keyColumns(source);
        }
    }

    static List<Expression<?>> relabel(List<Expression<?>> columns) {
        List<Expression<?>> relabelled = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Expression<?> c = columns.get(i) instanceof Label ? ((Label<?>) columns.get(i)).expression() : columns.get(i);
            relabelled.add(new Label<>(c, "c" + (i + 1)));
        }
        return List.copyOf(relabelled);
    }
}

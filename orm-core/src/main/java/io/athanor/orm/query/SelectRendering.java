package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.List;

/** How a {@link Select} writes itself to a {@link SqlBuilder}: WITH, the core, set operations, the keys-first form, the tail. */
final class SelectRendering {
    private SelectRendering() {
    }

    /** Renders {@code s}; the compiler calls it through {@link Select#render}. */
    static void render(Select<?> s, SqlBuilder b) {
        if (!s.commonTables.isEmpty()) {
            boolean recursive = s.commonTables.stream().anyMatch(CommonTable::recursive);
            b.sql(recursive ? "WITH RECURSIVE " : "WITH ");
            for (int i = 0; i < s.commonTables.size(); i++) {
                if (i > 0) {
                    b.sql(", ");
                }
                s.commonTables.get(i).renderDefinition(b);
            }
            b.sql(" ");
        }
        if (s.setOperations.isEmpty()) {
            if (s.lock != null) {
                announceLock(s, b);
            }
            if (s.entitySource != null && (s.limit != null || s.offset != null || s.distinct)
                    && b.joinsCollections(s.entitySource, s.loads)) {
                renderKeysFirst(s, b);
                return;
            }
            renderCore(s, b);
            renderTail(s, b);
            b.closeScope();
            return;
        }
        renderCore(s, b);
        b.closeScope();
        for (Select.SetOperation op : s.setOperations) {
            b.sql(op.operator);
            renderCore(op.select, b);
            b.closeScope();
        }
        renderTail(s, b);
    }

    /** Tells the builder which sources the locking clause may name: the FROM item and the inner joins. */
    private static void announceLock(Select<?> s, SqlBuilder b) {
        List<Object> lockable = new ArrayList<>();
        Object first = s.fromSource();
        if (first != null) {
            lockable.add(first);
        }
        boolean outer = false;
        for (Join j : s.joins) {
            if (j.outer) {
                outer = true;
            } else {
                lockable.add(j.target);
            }
        }
        b.locking(s.lock.waitOption, lockable, outer);
    }

    private static void renderCore(Select<?> s, SqlBuilder b) {
        b.openScope(s.sources());
        b.sql(s.distinct ? "SELECT DISTINCT " : "SELECT ");
        SelectedRefs refs = SelectedRefs.of(b, s.columns, s.groupBy, s.having, s.orderBy);
        if (s.entitySource != null) {
            b.entityColumns(s.entitySource);
            if (s.setOperations.isEmpty()) {
                b.joinedColumns(s.entitySource, s.loads);
            }
        } else {
            refs.renderColumns();
        }
        Join.renderFrom(b, s.fromSource(), s.joins);
        if (s.entitySource != null && s.setOperations.isEmpty()) {
            b.joinedTables(s.entitySource, s.loads);
        }
        Object first = s.fromSource();
        boolean filtered = first != null && b.discriminatorFilter(first, " WHERE ");
        if (s.where != null) {
            b.sql(filtered ? " AND (" : " WHERE ").visit(s.where).sql(filtered ? ")" : "");
        }
        if (!s.groupBy.isEmpty()) {
            refs.renderGroupBy(s.groupBy);
        }
        if (s.having != null) {
            refs.renderHaving(s.having);
        }
    }

    private static void renderOrder(Select<?> s, SqlBuilder b) {
        if (!s.orderBy.isEmpty()) {
            SelectedRefs refs = SelectedRefs.of(b, s.columns, s.groupBy, s.having, s.orderBy);
            b.sql(" ORDER BY ");
            for (int i = 0; i < s.orderBy.size(); i++) {
                if (i > 0) {
                    b.sql(", ");
                }
                refs.renderOrder(s.orderBy.get(i));
            }
        }
        if (s.entitySource != null && s.setOperations.isEmpty() && b.joinsCollections(s.entitySource, s.loads)) {
            if (s.orderBy.isEmpty()) {
                b.sql(" ORDER BY ");
            }
            b.joinedOrder(s.entitySource, s.loads, s.orderBy.isEmpty());
        }
    }

    /**
     * JOINED loading of collections with LIMIT, OFFSET or DISTINCT: those pick the parents' keys in a
     * subquery, and the outer statement joins the collections to exactly those parents.
     */
    private static void renderKeysFirst(Select<?> s, SqlBuilder b) {
        Attribute<?, ?> key = b.keyAttribute(s.entitySource);
        Select<?> keys = s.keysOnly(key);
        b.openScope(s.sources());
        b.sql("SELECT ");
        b.entityColumns(s.entitySource);
        b.joinedColumns(s.entitySource, s.loads);
        Join.renderFrom(b, s.fromSource(), s.joins);
        b.joinedTables(s.entitySource, s.loads);
        b.sql(" WHERE ").visit(key).sql(" IN (SELECT athanor_keys.athanor_key FROM (").subquery(keys).sql(") athanor_keys)");
        renderOrder(s, b);
        if (s.lock != null) {
            b.lockClause(s.lock.waitOption);
        }
        b.closeScope();
    }

    private static void renderTail(Select<?> s, SqlBuilder b) {
        if (!s.setOperations.isEmpty()) {
            for (Order o : s.orderBy) {
                if (!o.byLabel()) {
                    throw new AthanorException("A statement combined with union, intersect or except is ordered by its output "
                            + "columns: use orderBy(Sql.ref(\"label\").asc()) instead of " + o + ".");
                }
            }
        }
        renderOrder(s, b);
        if (s.limit != null) {
            b.sql(" LIMIT ").bind(s.limit, null);
        }
        if (s.offset != null) {
            if (s.limit == null && b.dialect().requiresLimitWithOffset()) {
                b.sql(" LIMIT ").sql(Long.toString(Long.MAX_VALUE));
            }
            b.sql(" OFFSET ").bind(s.offset, null);
        }
        if (s.lock != null) {
            if (s.lock == Select.Lock.SKIP_LOCKED && !b.dialect().supportsSkipLocked()) {
                throw new AthanorException("FOR UPDATE SKIP LOCKED is not supported by " + b.dialect().name()
                        + "; use forUpdate() or forUpdateNoWait().");
            }
            b.lockClause(s.lock.waitOption);
        }
    }
}

package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.internal.meta.ColumnModel;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.query.Load;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL an entity select adds for relationships loaded from its own rows (joined eager loading): their columns, the
 * joins that bring them, and the ORDER BY that keeps each parent's collection rows together. Writes into the
 * statement's text; one per render.
 */
final class JoinedLoadSql {
    private final Dialect dialect;
    private final StringBuilder sql;
    private final SourceScopes scopes;
    private final JoinedLoads loads;
    /** Per scope depth: the aliases of the relationships an entity select there joins for loading. */
    private final Map<Integer, Map<LoadPlan, String>> joinedAliases = new HashMap<>();
    private List<LoadPlan> topJoined = List.of();

    JoinedLoadSql(Dialect dialect, StringBuilder sql, SourceScopes scopes, JoinedLoads loads) {
        this.dialect = dialect;
        this.sql = sql;
        this.scopes = scopes;
        this.loads = loads;
    }

    /** The relationships the top-level entity select loads from its own rows, in column order. */
    List<LoadPlan> topNodes() {
        return topJoined;
    }

    /** Appends the columns of the relationships the select of {@code entitySource} loads, each under its alias. */
    void columns(Object entitySource, List<Load> options) {
        List<LoadPlan> nodes = loads.plan(loads.entityOf(entitySource), options).joined();
        if (nodes.isEmpty()) {
            return;
        }
        Map<LoadPlan, String> aliases = new LinkedHashMap<>();
        for (LoadPlan n : nodes) {
            String alias = n.fromQuery() ? containsEagerAlias(n, options)
                    : scopes.newAlias("athanor_j" + (aliases.size() + 1));
            aliases.put(n, alias);
            for (ColumnModel c : n.entity().rowColumns()) {
                sql.append(", ").append(alias).append('.').append(dialect.quote(c.name()));
            }
        }
        joinedAliases.put(scopes.depth(), aliases);
        if (scopes.depth() == 1) {
            topJoined = List.copyOf(nodes);
        }
    }

    /**
     * Appends the joins of the loaded relationships: inner along non-null owning to-ones from the root or an inner-joined
     * parent, outer otherwise. {@code locked} is the locking read at this depth, or {@code null}.
     */
    void tables(Object entitySource, LockTarget locked) {
        Map<LoadPlan, String> aliases = joinedAliases.get(scopes.depth());
        if (aliases == null) {
            return;
        }
        String rootAlias = scopes.current(entitySource).alias;
        Set<LoadPlan> inner = new HashSet<>();
        for (Map.Entry<LoadPlan, String> e : aliases.entrySet()) {
            LoadPlan n = e.getKey();
            String alias = e.getValue();
            if (n.fromQuery()) {
                continue;
            }
            LoadPlan parent = n.parent();
            String parentAlias = parent.parent() == null ? rootAlias : aliases.get(parent);
            RelationshipModel r = n.relationship();
            EntityModel from = parent.entity();
            EntityModel to = n.entity();
            String table = to.fromItem(dialect);
            if (r.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
                if (locked != null) {
                    locked.namesTables = true;
                }
                String linkAlias = scopes.newAlias(alias + "_link");
                RelationshipJoins.appendLink(sql, dialect, r, from, parentAlias, linkAlias, true);
                sql.append(" LEFT OUTER JOIN ").append(table).append(' ').append(alias).append(" ON ");
                RelationshipJoins.targetCondition(sql, dialect, r, to, parentAlias, alias, linkAlias);
                continue;
            }
            boolean innerJoin = r.owning() && (parent.parent() == null || inner.contains(parent)) && notNull(from, r.joinColumns());
            if (innerJoin) {
                inner.add(n);
            }
            if (locked != null) {
                if (!innerJoin) {
                    locked.namesTables = true; // an outer-joined table: PostgreSQL locks only what the clause names
                } else if (to.joined() != null) {
                    table = to.joined().lockedFrom(dialect, locked.waitOption); // its rows locked inside, as a FROM item's
                    locked.namesTables = true;
                } else {
                    locked.innerLoads.add(alias); // locked by a plain FOR UPDATE: named with the others
                }
            }
            sql.append(innerJoin ? " JOIN " : " LEFT OUTER JOIN ").append(table).append(' ').append(alias).append(" ON ");
            RelationshipJoins.targetCondition(sql, dialect, r, to, parentAlias, alias, null);
        }
    }

    /**
     * Appends the ORDER BY keys that keep a parent's rows together: the root's key, then per joined collection its own
     * order and key. {@code first}: nothing precedes them in the clause.
     */
    void order(Object entitySource, boolean first) {
        Map<LoadPlan, String> aliases = joinedAliases.get(scopes.depth());
        if (aliases == null) {
            return;
        }
        List<String> keys = new ArrayList<>();
        EntityModel root = loads.entityOf(entitySource);
        String rootAlias = scopes.current(entitySource).alias;
        for (PropertyModel id : root.idProperties()) {
            keys.add(rootAlias + "." + dialect.quote(id.column().name()));
        }
        for (Map.Entry<LoadPlan, String> e : aliases.entrySet()) {
            LoadPlan n = e.getKey();
            if (!n.relationship().toMany() || n.fromQuery()) {
                continue;
            }
            for (RelationshipModel.OrderTerm t : n.relationship().orderTerms()) {
                keys.add(e.getValue() + "." + dialect.quote(n.entity().property(t.path()).column().name())
                        + (t.descending() ? " DESC" : ""));
            }
            for (PropertyModel id : n.entity().idProperties()) {
                if (!n.relationship().ordersBy(id.path())) {
                    keys.add(e.getValue() + "." + dialect.quote(id.column().name()));
                }
            }
        }
        sql.append(first ? "" : ", ").append(String.join(", ", keys));
    }

    /** The alias of the FROM item a contains-eager node reads its columns from: the query's own join of it. */
    private String containsEagerAlias(LoadPlan n, List<Load> options) {
        for (Load l : options) {
            Object from = l.containsEagerFrom();
            if (from != null && l.path().get(0).path().equals(n.relationship().name())) {
                for (SourceScopes.Source s : scopes.innermost()) {
                    if (s.matches(from)) {
                        if (s.entity == null || s.entity != n.entity()) {
                            break;
                        }
                        return s.alias;
                    }
                }
                throw new AthanorException(l + " fills " + n.relationship() + " from the query's join of "
                        + SourceScopes.describe(from) + ", but the query does not join it. Join it, filtered as needed: "
                        + ".join("
                        + n.relationship().owner().getSimpleName() + "_." + n.relationship().name()
                        + (from instanceof Class ? "" : ", alias") + ").");
            }
        }
        throw new IllegalStateException("no contains-eager option for " + n);
    }

    private static boolean notNull(EntityModel entity, List<String> columns) {
        for (String c : columns) {
            if (entity.table().column(c).map(ColumnModel::nullable).orElse(true)) {
                return false;
            }
        }
        return true;
    }
}

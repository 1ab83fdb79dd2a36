package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.TableModel;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.CommonTable;
import io.athanor.orm.query.DerivedTable;
import io.athanor.orm.query.Table;
import io.athanor.orm.query.TableExpression;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The FROM items of one statement being rendered, per nested select (innermost first), and the SQL aliases handed out
 * so far: which source a class, alias or table refers to, and a fresh alias for each new FROM item. One per render.
 */
final class SourceScopes {
    private final Metadata metadata;
    private final Dialect dialect;
    private final JoinedLoads loads;
    private final Deque<List<Source>> scopes = new ArrayDeque<>();
    private final Set<String> usedAliases = new HashSet<>();

    SourceScopes(Metadata metadata, JoinedLoads loads) {
        this.metadata = metadata;
        this.dialect = metadata.dialect();
        this.loads = loads;
    }

    /** Opens the scope of a select reading {@code sources}; refuses a source named twice in it. */
    void open(List<Object> sources) {
        List<Source> scope = new ArrayList<>(sources.size());
        for (Object s : sources) {
            for (Source earlier : scope) {
                if (!(s instanceof Class) && earlier.matches(s)) {
                    throw new AthanorException(s + " appears twice in this query's FROM clause. To use a table twice, give each "
                            + "use its own alias: Table.of(...).as(\"t2\"), Sql.aliased(Entity.class), or a second CommonTable "
                            + "name.");
                }
            }
            scope.add(new Source(s));
        }
        scopes.push(scope);
    }

    void close() {
        scopes.pop();
    }

    /** How many selects enclose the point being rendered (1 for the top-level statement). */
    int depth() {
        return scopes.size();
    }

    /** The FROM items of the innermost select, in FROM order. */
    List<Source> innermost() {
        return scopes.peek();
    }

    /**
     * The source {@code source} refers to, in the innermost scope that has it (or a FROM item of the same single-table
     * hierarchy); {@code attribute}, when given, names what was asked for in the error.
     */
    Source find(Object source, Attribute<?, ?> attribute) {
        for (List<Source> scope : scopes) {
            for (Source s : scope) {
                if (s.matches(source)) {
                    return s;
                }
            }
        }
        Source sameTable = InheritanceSql.sameHierarchy(metadata, scopes, source, s -> s.key);
        if (sameTable != null) {
            return sameTable;
        }
        String what = attribute != null ? attribute.toString() : String.valueOf(source);
        throw new AthanorException(what + " belongs to " + describe(source) + ", which is not in this query's FROM clause. "
                + "Add .from(" + describe(source) + ") or join it.");
    }

    /** The source {@code source} refers to in the innermost scope, which must hold it. */
    Source current(Object source) {
        for (Source s : scopes.peek()) {
            if (s.matches(source)) {
                return s;
            }
        }
        throw new IllegalStateException("source not in scope: " + source);
    }

    /** A quoted alias not yet used in this statement: {@code base}, else {@code base_2}, {@code base_3}... */
    String newAlias(String base) {
        String alias = base;
        for (int n = 2; !usedAliases.add(alias); n++) {
            alias = base + "_" + n;
        }
        return dialect.quote(alias);
    }

    /** How messages name a source: {@code User.class} for an entity class. */
    static String describe(Object source) {
        if (source instanceof Class) {
            return ((Class<?>) source).getSimpleName() + ".class";
        }
        return String.valueOf(source);
    }

    /** A FROM item with its table and SQL alias. */
    final class Source {
        final Object key;
        final EntityModel entity;
        final String schema;
        final String table;
        String alias;

        Source(Object key) {
            this.key = key;
            if (key instanceof CommonTable) {
                this.entity = null;
                this.schema = "";
                this.table = ((CommonTable) key).name();
                this.alias = newAlias(table);
            } else if (key instanceof TableExpression) {
                this.entity = null;
                this.schema = "";
                this.table = ((TableExpression) key).alias();
                this.alias = newAlias(table);
            } else if (key instanceof DerivedTable) {
                this.entity = null;
                this.schema = "";
                this.table = ((DerivedTable) key).alias();
                this.alias = newAlias(table);
            } else if (key instanceof Table) {
                Table t = (Table) key;
                this.entity = null;
                this.schema = t.schema();
                this.table = t.name();
                this.alias = newAlias(t.alias() != null ? t.alias() : t.name());
            } else {
                this.entity = loads.entityOf(key);
                TableModel t = entity.table();
                this.schema = t.schema();
                this.table = t.name();
                String requested = key instanceof Aliased ? ((Aliased<?>) key).name() : null;
                this.alias = requested != null ? newAlias(requested) : newAlias(t.name());
            }
        }

        boolean matches(Object other) {
            return key instanceof Aliased || key instanceof DerivedTable || key instanceof TableExpression ? key == other
                    : key.equals(other);
        }
    }
}

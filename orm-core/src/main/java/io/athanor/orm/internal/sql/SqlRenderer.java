package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.JoinedModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.meta.TableModel;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.CommonTable;
import io.athanor.orm.query.DerivedTable;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Load;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.SqlBuilder;
import io.athanor.orm.query.Table;
import io.athanor.orm.query.TableExpression;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import java.util.Set;
import java.util.StringJoiner;

/**
 * The full walk: renders SQL for one dialect, resolving fields to qualified columns, numbering
 * aliases, inferring join conditions from foreign keys, and noting how each parameter binds.
 */
final class SqlRenderer implements SqlBuilder {
    private final Metadata metadata;
    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder(256);
    private final List<ColumnType> binders = new ArrayList<>();
    private final List<Attribute<?, ?>> bindTargets = new ArrayList<>();
    private final List<String> bindNames = new ArrayList<>();
    private final Deque<List<Source>> scopes = new ArrayDeque<>();
    private final Set<String> usedAliases = new HashSet<>();
    private final List<Source> allSources = new ArrayList<>();

    private final JoinedLoads loads;
    /** Per scope depth: the aliases of the relationships an entity select there joins for loading. */
    private final Map<Integer, Map<LoadPlan, String>> joinedAliases = new HashMap<>();
    private List<LoadPlan> topJoined = List.of();
    private int literalDepth;
    /** The locking read being rendered (see {@link #locking}), or {@code null}. */
    private LockTarget lock;

    SqlRenderer(Metadata metadata, JoinedLoads loads) {
        this.metadata = metadata;
        this.dialect = metadata.dialect();
        this.loads = loads;
    }

    /** The relationships the top-level entity select loads from its own rows, in column order. */
    List<LoadPlan> joinedNodes() {
        return topJoined;
    }

    String sql() {
        return sql.toString();
    }

    ColumnType[] binders() {
        return binders.toArray(new ColumnType[0]);
    }

    /** Per parameter: the mapped field it is compared with or written to, or {@code null}. */
    Attribute<?, ?>[] bindTargets() {
        return bindTargets.toArray(new Attribute<?, ?>[0]);
    }

    /** Per parameter bound by its class: how messages name it, or {@code null}. */
    String[] bindNames() {
        return bindNames.toArray(new String[0]);
    }

    /** The entity behind {@code source} (class or alias), for reading entity rows. */
    EntityModel entityOf(Object source) {
        return loads.entityOf(source);
    }

    /**
     * How to read a selected expression: a mapped field's (or MIN/MAX of one) column type; a number read as the
     * expression's declared Java type; {@code null} for the driver's own reading.
     */
    ColumnType readerFor(Expression<?> e) {
        Attribute<?, ?> a = e.valuesOf();
        if (a == null) {
            return DeclaredNumber.of(e.javaType());
        }
        EntityModel entity = metadata.entity(a.entityType());
        return entity.relationship(a.path()) != null ? null : entity.property(a.path()).column().type();
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public SqlBuilder sql(String fragment) {
        sql.append(fragment);
        return this;
    }

    @Override
    public SqlBuilder identifier(String name) {
        sql.append(dialect.quote(name));
        return this;
    }

    @Override
    public SqlBuilder bind(Object value, Expression<?> typeHint) {
        sql.append('?');
        ColumnType type = null;
        Attribute<?, ?> target = null;
        if (typeHint instanceof Attribute) {
            Attribute<?, ?> a = (Attribute<?, ?>) typeHint;
            EntityModel e = metadata.entity(a.entityType());
            RelationshipModel r = e.relationship(a.path());
            if (r == null) {
                type = e.property(a.path()).column().type();
                target = a;
            } else if (r.owning() && !r.toMany() && r.joinColumns().size() == 1) {
                EntityModel t = metadata.entity(r.target());
                PropertyModel key = t.idProperties().get(0);
                for (PropertyModel p : t.properties()) {
                    if (p.column().name().equals(r.referencedColumns().get(0))) {
                        key = p;
                    }
                }
                type = new ReferenceKeyType(t, key);
            }
        }
        binders.add(type);
        bindTargets.add(target);
        bindNames.add(null);
        return this;
    }

    @Override
    public boolean bindsAsArray(Expression<?> typeHint) {
        return ArrayParameter.of(metadata, typeHint) != null;
    }

    @Override
    public SqlBuilder bindArray(Object[] values, Expression<?> typeHint) {
        sql.append('?');
        binders.add(ArrayParameter.of(metadata, typeHint));
        bindTargets.add(typeHint instanceof Attribute ? (Attribute<?, ?>) typeHint : null);
        bindNames.add(null);
        return this;
    }

    @Override
    public SqlBuilder bindNamed(Object value, String label) {
        sql.append('?');
        binders.add(null);
        bindTargets.add(null);
        bindNames.add(label);
        return this;
    }

    @Override
    public SqlBuilder beginLiterals() {
        literalDepth++;
        return this;
    }

    @Override
    public SqlBuilder endLiterals() {
        literalDepth--;
        return this;
    }

    @Override
    public boolean writesLiterals() {
        return literalDepth > 0;
    }

    @Override
    public SqlBuilder visit(Expression<?> expression) {
        expression.render(this);
        return this;
    }

    @Override
    public SqlBuilder column(Object source, Attribute<?, ?> attribute) {
        Source s = find(source, attribute);
        EntityModel entity = s.entity;
        if (entity != null && entity.inheritance() != null && attribute.entityType() != entity.type()) {
            entity = metadata.entity(attribute.entityType()); // a subclass's field, in the table of its hierarchy
        }
        RelationshipModel r = entity.relationship(attribute.path());
        if (r != null) {
            if (r.owning() && r.joinColumns().size() == 1) {
                sql.append(s.alias).append('.').append(dialect.quote(r.joinColumns().get(0)));
                return this;
            }
            throw new AthanorException(attribute + " is a relationship without a column of its own; compare its key "
                    + "instead, or join it.");
        }
        sql.append(s.alias).append('.').append(dialect.quote(entity.property(attribute.path()).column().name()));
        return this;
    }

    @Override
    public SqlBuilder columnName(Attribute<?, ?> attribute) {
        EntityModel entity = metadata.entity(attribute.entityType());
        RelationshipModel r = entity.relationship(attribute.path());
        String name = r != null && r.owning() && r.joinColumns().size() == 1 ? r.joinColumns().get(0)
                : entity.property(attribute.path()).column().name();
        sql.append(dialect.quote(name));
        return this;
    }

    @Override
    public SqlBuilder column(Object table, String column) {
        Source s = find(table, null);
        sql.append(s.alias).append('.').append(dialect.quote(column));
        return this;
    }

    /** Where a column's value is read from: the derived table's own select, for a derived column. */
    private static Select<?> derived(Object source) {
        return source instanceof DerivedTable ? ((DerivedTable) source).select() : null;
    }

    private Source find(Object source, Attribute<?, ?> attribute) {
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

    private static String describe(Object source) {
        if (source instanceof Class) {
            return ((Class<?>) source).getSimpleName() + ".class";
        }
        return String.valueOf(source);
    }

    @Override
    public boolean discriminatorFilter(Object source, String keyword) {
        String condition = InheritanceSql.filter(metadata, source);
        if (condition == null) {
            return false;
        }
        Source s = find(source, null);
        sql.append(keyword).append(s.alias).append('.').append(condition);
        return true;
    }

    @Override
    public SqlBuilder subquery(Select<?> select) {
        select.render(this);
        return this;
    }

    @Override
    public SqlBuilder openScope(List<Object> sources) {
        List<Source> scope = new ArrayList<>(sources.size());
        for (Object s : sources) {
            for (Source earlier : scope) {
                if (!(s instanceof Class) && earlier.matches(s)) {
                    throw new AthanorException(s + " appears twice in this query's FROM clause. To use a table twice, give each "
                            + "use its own alias: Table.of(...).as(\"t2\"), Sql.aliased(Entity.class), or a second CommonTable "
                            + "name.");
                }
            }
            Source source = new Source(s);
            scope.add(source);
            allSources.add(source);
        }
        scopes.push(scope);
        return this;
    }

    @Override
    public SqlBuilder closeScope() {
        scopes.pop();
        return this;
    }

    @Override
    public SqlBuilder source(Object source) {
        Source s = current(source);
        if (source instanceof TableExpression) {
            ((TableExpression) source).renderSource(this, s.alias);
            return this;
        }
        if (derived(source) != null) {
            if (((DerivedTable) source).lateral()) {
                if (!dialect.supportsLateral()) {
                    throw new AthanorException("LATERAL subqueries (" + ((DerivedTable) source).alias() + ") are not supported by "
                            + dialect.displayName() + ". Number the rows per group instead: select rowNumber().over(partitionBy(...)"
                            + ".orderBy(...)) in a derived table and keep the rows whose number is at most N.");
                }
                sql.append("LATERAL ");
            }
            sql.append('(');
            derived(source).render(this);
            sql.append(") ").append(s.alias);
            return this;
        }
        if (s.entity != null && s.entity.joined() != null) {
            if (lock != null && scopes.size() == lock.depth && lock.lockable.contains(source)) {
                sql.append(s.entity.joined().lockedFrom(dialect, lock.waitOption));
                lock.namesTables = true;
            } else {
                sql.append(s.entity.joined().from());
            }
            sql.append(' ').append(s.alias);
            return this;
        }
        sql.append(dialect.qualify(s.schema, s.table));
        if (!s.alias.equals(dialect.quote(s.table)) || !s.schema.isEmpty()) {
            sql.append(' ').append(s.alias);
        }
        return this;
    }

    private Source current(Object source) {
        for (Source s : scopes.peek()) {
            if (s.matches(source)) {
                return s;
            }
        }
        throw new IllegalStateException("source not in scope: " + source);
    }

    @Override
    public SqlBuilder target(Object source) {
        Source s = current(source);
        if (s.entity != null && s.entity.joined() != null) {
            throw new AthanorException(JoinedModel.refusal(s.entity.name(), "INSERT, UPDATE and DELETE statements"));
        }
        s.alias = dialect.qualify(s.schema, s.table);
        sql.append(s.alias);
        return this;
    }

    @Override
    public SqlBuilder entityColumns(Object source) {
        Source s = current(source);
        if (s.entity == null) {
            throw new AthanorException("Only entities can be selected whole; select the columns of " + source + " instead.");
        }
        List<io.athanor.orm.internal.meta.ColumnModel> columns = s.entity.rowColumns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(s.alias).append('.').append(dialect.quote(columns.get(i).name()));
        }
        return this;
    }

    @Override
    public SqlBuilder keyColumns(Object source) {
        Source s = find(source, null);
        if (s.entity == null) {
            throw new AthanorException("Only an entity has key columns; " + source + " is not one.");
        }
        List<PropertyModel> ids = s.entity.idProperties();
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(s.alias).append('.').append(dialect.quote(ids.get(i).column().name()));
        }
        return this;
    }

    @Override
    public SqlBuilder joinCondition(Object target) {
        List<Source> scope = scopes.peek();
        Source joined = current(target);
        List<String> conditions = new ArrayList<>();
        for (Source earlier : scope) {
            if (earlier == joined) {
                break;
            }
            if (earlier.entity == null || joined.entity == null) {
                continue;
            }
            addForeignKeyConditions(earlier, joined, conditions);
            addForeignKeyConditions(joined, earlier, conditions);
        }
        if (conditions.size() != 1) {
            String names = joined.entity == null ? String.valueOf(target) : joined.entity.name();
            throw new AthanorException((conditions.isEmpty() ? "There is no foreign key between " + names
                    + " and the tables before it in the query" : "There are " + conditions.size() + " foreign keys that could join "
                    + names + " (" + String.join("; ", conditions) + ")") + ", so the join condition cannot be inferred. Give it "
                    + "explicitly: .join(" + names + ".class, <condition>).");
        }
        sql.append(conditions.get(0));
        return this;
    }

    @Override
    public SqlBuilder relationshipJoin(boolean outer, Object owner, Attribute<?, ?> relationship, Object target) {
        Source joined = current(target);
        Source from = null;
        for (Source s : scopes.peek()) {
            if (s == joined) {
                break;
            }
            if (s.matches(owner)) {
                from = s;
                break;
            }
        }
        if (from == null || from.entity == null) {
            throw new AthanorException("The join along " + relationship + " starts from " + describe(owner) + ", which is not "
                    + "in this query's FROM clause before the join. Select from " + describe(owner) + " or join it first; to "
                    + "start from an alias, name the relationship through it: join(alias.get(" + relationship.entityType()
                    .getSimpleName() + "_." + relationship.path() + ")).");
        }
        RelationshipModel r = RelationshipJoins.relationship(from.entity, relationship);
        String link = null;
        if (r.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
            link = newAlias(joined.table + "_link");
            RelationshipJoins.appendLink(sql, dialect, r, from.entity, from.alias, link, outer);
        }
        sql.append(outer ? " LEFT OUTER JOIN " : " JOIN ");
        source(target);
        sql.append(" ON ");
        RelationshipJoins.targetCondition(sql, dialect, r, joined.entity, from.alias, joined.alias, link);
        return this;
    }

    @Override
    public SqlBuilder referencedColumn(Object target, Attribute<?, ?> relationship) {
        RelationshipModel r = RelationshipJoins.relationship(metadata.entity(relationship.entityType()), relationship);
        Source s = find(target, relationship);
        sql.append(s.alias).append('.').append(dialect.quote(RelationshipJoins.referencedColumn(r, relationship)));
        return this;
    }

    /** Conditions for each owning to-one of {@code from} that points at {@code to}'s entity. */
    private void addForeignKeyConditions(Source from, Source to, List<String> out) {
        for (RelationshipModel r : from.entity.relationships()) {
            if (r.owning() && !r.toMany() && r.target() == to.entity.type() && r.joinColumns().size() == 1) {
                String key = r.referencedColumns().get(0);
                out.add(from.alias + "." + dialect.quote(r.joinColumns().get(0)) + " = " + to.alias + "." + dialect.quote(key));
            }
        }
    }

    private String newAlias(String base) {
        String alias = base;
        for (int n = 2; !usedAliases.add(alias); n++) {
            alias = base + "_" + n;
        }
        return dialect.quote(alias);
    }

    @Override
    public boolean joinsCollections(Object entitySource, List<Load> options) {
        return loads.joinsCollections(entitySource, options);
    }

    @Override
    public Attribute<?, ?> keyAttribute(Object entitySource) {
        return loads.keyAttribute(entitySource);
    }

    @Override
    public SqlBuilder joinedColumns(Object entitySource, List<Load> options) {
        List<LoadPlan> nodes = loads.plan(entityOf(entitySource), options).joined();
        if (nodes.isEmpty()) {
            return this;
        }
        Map<LoadPlan, String> aliases = new LinkedHashMap<>();
        for (LoadPlan n : nodes) {
            String alias = n.fromQuery() ? containsEagerAlias(n, options) : newAlias("athanor_j" + (aliases.size() + 1));
            aliases.put(n, alias);
            for (io.athanor.orm.internal.meta.ColumnModel c : n.entity().rowColumns()) {
                sql.append(", ").append(alias).append('.').append(dialect.quote(c.name()));
            }
        }
        joinedAliases.put(scopes.size(), aliases);
        if (scopes.size() == 1) {
            topJoined = List.copyOf(nodes);
        }
        return this;
    }

    @Override
    public SqlBuilder locking(String waitOption, List<Object> lockable, boolean outerJoins) {
        lock = new LockTarget(waitOption, lockable, outerJoins, scopes.size() + 1);
        return this;
    }

    /**
     * {@code FOR UPDATE}, or where the statement reads what the dialect cannot lock, {@code FOR UPDATE OF} the sources
     * and joined loads it reads without an outer join (rows brought along by outer joins stay unlocked; a joined
     * hierarchy's rows were locked inside its derived table); nothing when no table is left to name.
     */
    @Override
    public SqlBuilder lockClause(String waitOption) {
        LockTarget l = lock;
        lock = null;
        if (l == null || !l.namesTables || !dialect.lockRefusesOuterJoins()) {
            sql.append(" FOR UPDATE").append(waitOption);
            return this;
        }
        StringJoiner names = new StringJoiner(", ", " FOR UPDATE OF ", waitOption);
        names.setEmptyValue("");
        for (Object o : l.lockable) {
            Source s = current(o);
            if (s.entity == null || s.entity.joined() == null) {
                names.add(s.alias);
            }
        }
        for (String alias : l.innerLoads) {
            names.add(alias);
        }
        sql.append(names);
        return this;
    }

    @Override
    public SqlBuilder joinedTables(Object entitySource, List<Load> options) {
        Map<LoadPlan, String> aliases = joinedAliases.get(scopes.size());
        if (aliases == null) {
            return this;
        }
        LockTarget locked = lock != null && scopes.size() == lock.depth ? lock : null;
        String rootAlias = current(entitySource).alias;
        java.util.Set<LoadPlan> inner = new java.util.HashSet<>();
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
                String linkAlias = newAlias(alias + "_link");
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
        return this;
    }

    /** The alias of the FROM item a contains-eager node reads its columns from: the query's own join of it. */
    private String containsEagerAlias(LoadPlan n, List<Load> options) {
        for (Load l : options) {
            Object from = l.containsEagerFrom();
            if (from != null && l.path().get(0).path().equals(n.relationship().name())) {
                for (Source s : scopes.peek()) {
                    if (s.matches(from)) {
                        if (s.entity == null || s.entity != n.entity()) {
                            break;
                        }
                        return s.alias;
                    }
                }
                throw new AthanorException(l + " fills " + n.relationship() + " from the query's join of " + describe(from)
                        + ", but the query does not join it. Join it, filtered as needed: .join(" + n.relationship().owner()
                        .getSimpleName() + "_." + n.relationship().name() + (from instanceof Class ? "" : ", alias") + ").");
            }
        }
        throw new IllegalStateException("no contains-eager option for " + n);
    }

    private static boolean notNull(EntityModel entity, List<String> columns) {
        for (String c : columns) {
            if (entity.table().column(c).map(io.athanor.orm.internal.meta.ColumnModel::nullable).orElse(true)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public SqlBuilder joinedOrder(Object entitySource, List<Load> options, boolean first) {
        Map<LoadPlan, String> aliases = joinedAliases.get(scopes.size());
        if (aliases == null) {
            return this;
        }
        List<String> keys = new ArrayList<>();
        EntityModel root = entityOf(entitySource);
        String rootAlias = current(entitySource).alias;
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
        return this;
    }

    /** A FROM item with its table and SQL alias. */
    private final class Source {
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
                this.entity = entityOf(key);
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

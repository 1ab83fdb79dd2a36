package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.JoinedModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.sql.SourceScopes.Source;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.DerivedTable;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Load;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.SqlBuilder;
import io.athanor.orm.query.TableExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The full walk: renders SQL for one dialect, resolving fields to qualified columns, inferring join conditions from
 * foreign keys, and noting how each parameter binds. FROM items and their aliases are kept by {@link SourceScopes}; the
 * SQL of joined eager loading is written by {@link JoinedLoadSql}.
 */
final class SqlRenderer implements SqlBuilder {
    private final Metadata metadata;
    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder(256);
    private final List<ColumnType> binders = new ArrayList<>();
    private final List<Attribute<?, ?>> bindTargets = new ArrayList<>();
    private final List<String> bindNames = new ArrayList<>();
    private final JoinedLoads loads;
    private final SourceScopes scopes;
    private final JoinedLoadSql joinedLoads;
    private int literalDepth;
    /** The locking read being rendered (see {@link #locking}), or {@code null}. */
    private LockTarget lock;

    SqlRenderer(Metadata metadata, JoinedLoads loads) {
        this.metadata = metadata;
        this.dialect = metadata.dialect();
        this.loads = loads;
        this.scopes = new SourceScopes(metadata, loads);
        this.joinedLoads = new JoinedLoadSql(dialect, sql, scopes, loads);
    }

    /** The relationships the top-level entity select loads from its own rows, in column order. */
    List<LoadPlan> joinedNodes() {
        return joinedLoads.topNodes();
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
        Source s = scopes.find(source, attribute);
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
        Source s = scopes.find(table, null);
        sql.append(s.alias).append('.').append(dialect.quote(column));
        return this;
    }

    /** Where a column's value is read from: the derived table's own select, for a derived column. */
    private static Select<?> derived(Object source) {
        return source instanceof DerivedTable ? ((DerivedTable) source).select() : null;
    }

    @Override
    public boolean discriminatorFilter(Object source, String keyword) {
        String condition = InheritanceSql.filter(metadata, source);
        if (condition == null) {
            return false;
        }
        Source s = scopes.find(source, null);
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
        scopes.open(sources);
        return this;
    }

    @Override
    public SqlBuilder closeScope() {
        scopes.close();
        return this;
    }

    @Override
    public SqlBuilder source(Object source) {
        Source s = scopes.current(source);
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
            if (lock != null && scopes.depth() == lock.depth && lock.lockable.contains(source)) {
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

    @Override
    public SqlBuilder target(Object source) {
        Source s = scopes.current(source);
        if (s.entity != null && s.entity.joined() != null) {
            throw new AthanorException(JoinedModel.refusal(s.entity.name(), "INSERT, UPDATE and DELETE statements"));
        }
        s.alias = dialect.qualify(s.schema, s.table);
        sql.append(s.alias);
        return this;
    }

    @Override
    public SqlBuilder entityColumns(Object source) {
        Source s = scopes.current(source);
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
        Source s = scopes.find(source, null);
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
        List<Source> scope = scopes.innermost();
        Source joined = scopes.current(target);
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
        Source joined = scopes.current(target);
        Source from = null;
        for (Source s : scopes.innermost()) {
            if (s == joined) {
                break;
            }
            if (s.matches(owner)) {
                from = s;
                break;
            }
        }
        if (from == null || from.entity == null) {
            String start = SourceScopes.describe(owner);
            throw new AthanorException("The join along " + relationship + " starts from " + start + ", which is not "
                    + "in this query's FROM clause before the join. Select from " + start + " or join it first; to "
                    + "start from an alias, name the relationship through it: join(alias.get(" + relationship.entityType()
                    .getSimpleName() + "_." + relationship.path() + ")).");
        }
        RelationshipModel r = RelationshipJoins.relationship(from.entity, relationship);
        String link = null;
        if (r.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
            link = scopes.newAlias(joined.table + "_link");
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
        Source s = scopes.find(target, relationship);
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
        joinedLoads.columns(entitySource, options);
        return this;
    }

    @Override
    public SqlBuilder locking(String waitOption, List<Object> lockable, boolean outerJoins) {
        lock = new LockTarget(waitOption, lockable, outerJoins, scopes.depth() + 1);
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
            Source s = scopes.current(o);
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
        joinedLoads.tables(entitySource, lock != null && scopes.depth() == lock.depth ? lock : null);
        return this;
    }

    @Override
    public SqlBuilder joinedOrder(Object entitySource, List<Load> options, boolean first) {
        joinedLoads.order(entitySource, first);
        return this;
    }
}

package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.DerivedTable;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.SqlBuilder;
import io.athanor.orm.query.Table;
import io.athanor.orm.query.TableExpression;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cheap walk: records a statement's structure as tokens (the cache key) and its bind values in
 * order, without resolving names, quoting or inferring joins.
 */
final class ShapeBuilder implements SqlBuilder {
    /** Markers: private objects, so no string a user writes can stand in for one. */
    private static final Object BIND = new Object();
    private static final Object NAMED_BIND = new Object();
    private static final Object ARRAY_BIND = new Object();
    private static final Object ALIAS = new Object();
    private static final Object DERIVED = new Object();
    private static final Object IDENT = new Object();
    private static final Object COLUMN = new Object();
    private static final Object NAMED_COLUMN = new Object();
    private static final Object COLUMN_NAME = new Object();
    private static final Object SUB_OPEN = new Object();
    private static final Object SUB_CLOSE = new Object();
    private static final Object SCOPE = new Object();
    private static final Object SCOPE_END = new Object();
    private static final Object FROM = new Object();
    private static final Object TARGET = new Object();
    private static final Object ENTITY = new Object();
    private static final Object ON = new Object();
    private static final Object KEYS = new Object();

    private static final Object JOINED = new Object();

    private final Metadata metadata;
    private final JoinedLoads loads;
    private final List<Object> tokens = new ArrayList<>(64);
    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> aliases = new IdentityHashMap<>();
    private int literalDepth;

    ShapeBuilder(Metadata metadata, JoinedLoads loads) {
        this.metadata = metadata;
        this.loads = loads;
    }

    ShapeKey key() {
        return new ShapeKey(tokens.toArray());
    }

    List<Object> values() {
        return values;
    }

    private void source(Object s, Object marker) {
        tokens.add(marker);
        if (s instanceof TableExpression) {
            tokens.add(DERIVED);
            tokens.add(((TableExpression) s).alias());
            tokens.add(aliases.computeIfAbsent(s, k -> aliases.size()));
        } else if (s instanceof DerivedTable) {
            tokens.add(DERIVED);
            tokens.add(((DerivedTable) s).alias());
            tokens.add(((DerivedTable) s).lateral());
            tokens.add(aliases.computeIfAbsent(s, k -> aliases.size()));
        } else if (s instanceof Aliased) {
            Aliased<?> a = (Aliased<?>) s;
            Integer n = aliases.computeIfAbsent(a, k -> aliases.size());
            tokens.add(ALIAS);
            tokens.add(a.entityType());
            tokens.add(a.name());
            tokens.add(n);
        } else {
            tokens.add(s);
        }
    }

    @Override
    public Dialect dialect() {
        return metadata.dialect();
    }

    @Override
    public SqlBuilder sql(String fragment) {
        tokens.add(fragment);
        return this;
    }

    @Override
    public SqlBuilder identifier(String name) {
        tokens.add(IDENT);
        tokens.add(name);
        return this;
    }

    @Override
    public SqlBuilder bind(Object value, Expression<?> typeHint) {
        tokens.add(BIND);
        tokens.add(typeHint instanceof Attribute ? typeHint : typeHint == null ? null : typeHint.getClass());
        values.add(value);
        return this;
    }

    @Override
    public boolean bindsAsArray(Expression<?> typeHint) {
        return ArrayParameter.of(metadata, typeHint) != null;
    }

    @Override
    public SqlBuilder bindArray(Object[] values, Expression<?> typeHint) {
        tokens.add(ARRAY_BIND);
        tokens.add(typeHint instanceof Attribute ? typeHint : typeHint.javaType());
        this.values.add(values);
        return this;
    }

    @Override
    public SqlBuilder bindNamed(Object value, String label) {
        tokens.add(NAMED_BIND);
        tokens.add(label);
        values.add(value);
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
        source(source, COLUMN);
        tokens.add(attribute);
        return this;
    }

    @Override
    public SqlBuilder columnName(Attribute<?, ?> attribute) {
        tokens.add(COLUMN_NAME);
        tokens.add(attribute);
        return this;
    }

    @Override
    public SqlBuilder column(Object table, String column) {
        source(table, NAMED_COLUMN);
        tokens.add(column);
        return this;
    }

    @Override
    public SqlBuilder subquery(Select<?> select) {
        tokens.add(SUB_OPEN);
        select.render(this);
        tokens.add(SUB_CLOSE);
        return this;
    }

    @Override
    public SqlBuilder openScope(List<Object> sources) {
        for (Object s : sources) {
            source(s, SCOPE);
        }
        return this;
    }

    @Override
    public SqlBuilder closeScope() {
        tokens.add(SCOPE_END);
        return this;
    }

    @Override
    public SqlBuilder source(Object source) {
        source(source, FROM);
        if (source instanceof TableExpression) {
            ((TableExpression) source).renderSource(this, "");
        } else if (source instanceof DerivedTable) {
            ((DerivedTable) source).select().render(this);
        }
        return this;
    }

    @Override
    public SqlBuilder target(Object source) {
        source(source, TARGET);
        return this;
    }

    @Override
    public SqlBuilder entityColumns(Object source) {
        source(source, ENTITY);
        return this;
    }

    @Override
    public SqlBuilder keyColumns(Object source) {
        source(source, KEYS);
        return this;
    }

    @Override
    public SqlBuilder joinCondition(Object target) {
        source(target, ON);
        return this;
    }

    @Override
    public SqlBuilder relationshipJoin(boolean outer, Object owner, Attribute<?, ?> relationship, Object target) {
        tokens.add(outer ? " LEFT OUTER JOIN " : " JOIN ");
        source(owner, ON);
        tokens.add(relationship);
        source(target, FROM);
        return this;
    }

    @Override
    public SqlBuilder referencedColumn(Object target, Attribute<?, ?> relationship) {
        source(target, COLUMN);
        tokens.add(relationship);
        tokens.add(ON);
        return this;
    }

    @Override
    public boolean joinsCollections(Object entitySource, List<io.athanor.orm.query.Load> options) {
        return loads.joinsCollections(entitySource, options);
    }

    @Override
    public Attribute<?, ?> keyAttribute(Object entitySource) {
        return loads.keyAttribute(entitySource);
    }

    @Override
    public SqlBuilder joinedColumns(Object entitySource, List<io.athanor.orm.query.Load> options) {
        if (!options.isEmpty()) {
            tokens.add(JOINED);
            tokens.add(options);
            for (io.athanor.orm.query.Load l : options) {
                if (l.containsEagerFrom() != null) {
                    source(l.containsEagerFrom(), JOINED);
                }
            }
        }
        return this;
    }
}

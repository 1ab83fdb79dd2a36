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
import java.util.Arrays;
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
    /** The tokens so far, {@link #size} of them; handed to the key as they are, without a copy. */
    private Object[] tokens = new Object[32];
    private int size;
    private final List<Object> values = new ArrayList<>();
    /** Each aliased or derived source's number, in order of first mention; made at the first (most statements have none). */
    private Map<Object, Integer> aliases;
    private int literalDepth;

    ShapeBuilder(Metadata metadata, JoinedLoads loads) {
        this.metadata = metadata;
        this.loads = loads;
    }

    /** The key of the statement walked; this builder is done with once it is taken. */
    ShapeKey key() {
        return new ShapeKey(tokens, size);
    }

    private void add(Object token) {
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        tokens[size++] = token;
    }

    private Integer aliasOf(Object source) {
        if (aliases == null) {
            aliases = new IdentityHashMap<>(4);
        }
        return aliases.computeIfAbsent(source, k -> aliases.size());
    }

    List<Object> values() {
        return values;
    }

    private void source(Object s, Object marker) {
        add(marker);
        if (s instanceof TableExpression) {
            add(DERIVED);
            add(((TableExpression) s).alias());
            add(aliasOf(s));
        } else if (s instanceof DerivedTable) {
            add(DERIVED);
            add(((DerivedTable) s).alias());
            add(((DerivedTable) s).lateral());
            add(aliasOf(s));
        } else if (s instanceof Aliased) {
            Aliased<?> a = (Aliased<?>) s;
            Integer n = aliasOf(a);
            add(ALIAS);
            add(a.entityType());
            add(a.name());
            add(n);
        } else {
            add(s);
        }
    }

    @Override
    public Dialect dialect() {
        return metadata.dialect();
    }

    @Override
    public SqlBuilder sql(String fragment) {
        add(fragment);
        return this;
    }

    @Override
    public SqlBuilder identifier(String name) {
        add(IDENT);
        add(name);
        return this;
    }

    @Override
    public SqlBuilder bind(Object value, Expression<?> typeHint) {
        add(BIND);
        add(typeHint instanceof Attribute ? typeHint : typeHint == null ? null : typeHint.getClass());
        values.add(value);
        return this;
    }

    @Override
    public boolean bindsAsArray(Expression<?> typeHint) {
        return ArrayParameter.of(metadata, typeHint) != null;
    }

    @Override
    public SqlBuilder bindArray(Object[] values, Expression<?> typeHint) {
        add(ARRAY_BIND);
        add(typeHint instanceof Attribute ? typeHint : typeHint.javaType());
        this.values.add(values);
        return this;
    }

    @Override
    public SqlBuilder bindNamed(Object value, String label) {
        add(NAMED_BIND);
        add(label);
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
        add(attribute);
        return this;
    }

    @Override
    public SqlBuilder columnName(Attribute<?, ?> attribute) {
        add(COLUMN_NAME);
        add(attribute);
        return this;
    }

    @Override
    public SqlBuilder column(Object table, String column) {
        source(table, NAMED_COLUMN);
        add(column);
        return this;
    }

    @Override
    public SqlBuilder subquery(Select<?> select) {
        add(SUB_OPEN);
        select.render(this);
        add(SUB_CLOSE);
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
        add(SCOPE_END);
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
        add(outer ? " LEFT OUTER JOIN " : " JOIN ");
        source(owner, ON);
        add(relationship);
        source(target, FROM);
        return this;
    }

    @Override
    public SqlBuilder referencedColumn(Object target, Attribute<?, ?> relationship) {
        source(target, COLUMN);
        add(relationship);
        add(ON);
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
            add(JOINED);
            add(options);
            for (io.athanor.orm.query.Load l : options) {
                if (l.containsEagerFrom() != null) {
                    source(l.containsEagerFrom(), JOINED);
                }
            }
        }
        return this;
    }
}

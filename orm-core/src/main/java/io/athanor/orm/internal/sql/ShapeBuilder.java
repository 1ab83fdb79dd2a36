package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.DerivedTable;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.SqlBuilder;
import io.athanor.orm.query.Table;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cheap walk: records a statement's structure as tokens (the cache key) and its bind values in
 * order, without resolving names, quoting or inferring joins.
 */
final class ShapeBuilder implements SqlBuilder {
    private static final Object BIND = new Object();
    private static final Object ALIAS = new Object();

    private final Dialect dialect;
    private final List<Object> tokens = new ArrayList<>(64);
    private final List<Object> values = new ArrayList<>();
    private final Map<Aliased<?>, Integer> aliases = new IdentityHashMap<>();

    ShapeBuilder(Dialect dialect) {
        this.dialect = dialect;
    }

    ShapeKey key() {
        return new ShapeKey(tokens.toArray());
    }

    List<Object> values() {
        return values;
    }

    private void source(Object s, Object marker) {
        tokens.add(marker);
        if (s instanceof DerivedTable) {
            tokens.add(ALIAS);
            tokens.add(((DerivedTable) s).alias());
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
        return dialect;
    }

    @Override
    public SqlBuilder sql(String fragment) {
        tokens.add(fragment);
        return this;
    }

    @Override
    public SqlBuilder identifier(String name) {
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
    public SqlBuilder visit(Expression<?> expression) {
        expression.render(this);
        return this;
    }

    @Override
    public SqlBuilder column(Object source, Attribute<?, ?> attribute) {
        source(source, "col");
        tokens.add(attribute);
        return this;
    }

    @Override
    public SqlBuilder columnName(Attribute<?, ?> attribute) {
        tokens.add("name");
        tokens.add(attribute);
        return this;
    }

    @Override
    public SqlBuilder column(Object table, String column) {
        tokens.add(table);
        tokens.add(column);
        return this;
    }

    @Override
    public SqlBuilder subquery(Select<?> select) {
        tokens.add("(sub");
        select.render(this);
        tokens.add("sub)");
        return this;
    }

    @Override
    public SqlBuilder openScope(List<Object> sources) {
        for (Object s : sources) {
            source(s, "scope");
        }
        return this;
    }

    @Override
    public SqlBuilder closeScope() {
        tokens.add("end-scope");
        return this;
    }

    @Override
    public SqlBuilder source(Object source) {
        source(source, "from");
        if (source instanceof DerivedTable) {
            ((DerivedTable) source).select().render(this);
        }
        return this;
    }

    @Override
    public SqlBuilder entityColumns(Object source) {
        source(source, "entity");
        return this;
    }

    @Override
    public SqlBuilder joinCondition(Object target) {
        source(target, "on");
        return this;
    }
}

package io.athanor.orm.query;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.PostgresDialect;
import java.util.List;

/** Finds the first FROM item an expression refers to (not looking into subqueries), to default a FROM clause. */
final class SourceFinder implements SqlBuilder {
    private Object found;

    static Object of(Expression<?> e) {
        SourceFinder f = new SourceFinder();
        e.render(f);
        return f.found;
    }

    @Override
    public Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public SqlBuilder sql(String fragment) {
        return this;
    }

    @Override
    public SqlBuilder identifier(String name) {
        return this;
    }

    @Override
    public SqlBuilder bind(Object value, Expression<?> typeHint) {
        return this;
    }

    @Override
    public boolean bindsAsArray(Expression<?> typeHint) {
        return true;
    }

    @Override
    public SqlBuilder bindArray(Object[] values, Expression<?> typeHint) {
        return this;
    }

    @Override
    public SqlBuilder visit(Expression<?> expression) {
        if (found == null) {
            expression.render(this);
        }
        return this;
    }

    @Override
    public SqlBuilder column(Object source, Attribute<?, ?> attribute) {
        if (found == null) {
            found = source;
        }
        return this;
    }

    @Override
    public SqlBuilder columnName(Attribute<?, ?> attribute) {
        return this;
    }

    @Override
    public SqlBuilder column(Object table, String column) {
        if (found == null) {
            found = table;
        }
        return this;
    }

    @Override
    public SqlBuilder subquery(Select<?> select) {
        return this;
    }

    @Override
    public SqlBuilder openScope(List<Object> sources) {
        return this;
    }

    @Override
    public SqlBuilder closeScope() {
        return this;
    }

    @Override
    public SqlBuilder source(Object source) {
        return this;
    }

    @Override
    public SqlBuilder target(Object source) {
        return this;
    }

    @Override
    public SqlBuilder entityColumns(Object source) {
        if (found == null) {
            found = source;
        }
        return this;
    }

    @Override
    public SqlBuilder joinCondition(Object target) {
        return this;
    }

    @Override
    public SqlBuilder relationshipJoin(boolean outer, Object owner, Attribute<?, ?> relationship, Object target) {
        return this;
    }

    @Override
    public SqlBuilder referencedColumn(Object target, Attribute<?, ?> relationship) {
        return this;
    }
}

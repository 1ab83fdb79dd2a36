package io.athanor.orm.query;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.PostgresDialect;
import java.util.List;

/** Renders expressions for {@code toString()}: PostgreSQL syntax, fields by name, values inline. */
final class DebugSql implements SqlBuilder {
    private final StringBuilder out = new StringBuilder();

    static String render(Expression<?> e) {
        DebugSql b = new DebugSql();
        b.visit(e);
        return b.out.toString();
    }

    static String render(TableExpression t) {
        DebugSql b = new DebugSql();
        t.renderSource(b, t.alias());
        return b.out.toString();
    }

    static String render(Statement s) {
        DebugSql b = new DebugSql();
        try {
            s.render(b);
        } catch (RuntimeException e) {
            return "Select(<" + e.getMessage() + ">)";
        }
        return b.out.toString();
    }

    @Override
    public Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public SqlBuilder sql(String fragment) {
        out.append(fragment);
        return this;
    }

    @Override
    public SqlBuilder identifier(String name) {
        out.append(dialect().quote(name));
        return this;
    }

    @Override
    public SqlBuilder bind(Object value, Expression<?> typeHint) {
        if (value instanceof CharSequence || value instanceof Character) {
            out.append('\'').append(value.toString().replace("'", "''")).append('\'');
        } else {
            out.append(value == null ? "NULL" : value);
        }
        return this;
    }

    @Override
    public boolean bindsAsArray(Expression<?> typeHint) {
        return true;
    }

    @Override
    public SqlBuilder bindArray(Object[] values, Expression<?> typeHint) {
        out.append("ARRAY[");
        for (int i = 0; i < values.length; i++) {
            out.append(i > 0 ? ", " : "");
            bind(values[i], typeHint);
        }
        out.append(']');
        return this;
    }

    @Override
    public SqlBuilder visit(Expression<?> expression) {
        expression.render(this);
        return this;
    }

    @Override
    public SqlBuilder column(Object source, Attribute<?, ?> attribute) {
        out.append(name(source)).append('.').append(attribute.path());
        return this;
    }

    @Override
    public SqlBuilder columnName(Attribute<?, ?> attribute) {
        out.append(attribute.path());
        return this;
    }

    @Override
    public SqlBuilder column(Object table, String column) {
        out.append(table).append('.').append(column);
        return this;
    }

    @Override
    public SqlBuilder subquery(Select<?> select) {
        select.render(this);
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
        out.append(name(source));
        return this;
    }

    @Override
    public SqlBuilder target(Object source) {
        return source(source);
    }

    @Override
    public SqlBuilder entityColumns(Object source) {
        out.append(name(source)).append(".*");
        return this;
    }

    @Override
    public SqlBuilder keyColumns(Object source) {
        out.append(name(source)).append(".<key>");
        return this;
    }

    @Override
    public SqlBuilder joinCondition(Object target) {
        out.append("<foreign key>");
        return this;
    }

    @Override
    public SqlBuilder relationshipJoin(boolean outer, Object owner, Attribute<?, ?> relationship, Object target) {
        out.append(outer ? " LEFT OUTER JOIN " : " JOIN ").append(name(target)).append(" ON <").append(relationship).append('>');
        return this;
    }

    @Override
    public SqlBuilder referencedColumn(Object target, Attribute<?, ?> relationship) {
        out.append(name(target)).append(".<key>");
        return this;
    }

    private static String name(Object source) {
        if (source instanceof Class) {
            return ((Class<?>) source).getSimpleName();
        }
        if (source instanceof Aliased) {
            Aliased<?> a = (Aliased<?>) source;
            return a.name() != null ? a.name() : a.entityType().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(a));
        }
        return String.valueOf(source);
    }
}

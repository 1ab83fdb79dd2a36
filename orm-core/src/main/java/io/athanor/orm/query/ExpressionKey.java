package io.athanor.orm.query;

import io.athanor.orm.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an expression is, values included, for telling whether two expressions written apart are the
 * same: the calls its rendering makes, recorded. Sources compare as the FROM items do (classes and
 * tables by value, aliases by identity). Not thread-safe; built per comparison.
 */
final class ExpressionKey implements SqlBuilder {
    private static final Object BIND = new Object();
    private final Dialect dialect;
    private final List<Object> tokens = new ArrayList<>();
    private int binds;
    private boolean literals = true;

    private ExpressionKey(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The key of {@code e} as rendered for {@code dialect}. */
    static ExpressionKey of(Expression<?> e, Dialect dialect) {
        ExpressionKey k = new ExpressionKey(dialect);
        k.visit(e instanceof Label ? ((Label<?>) e).expression() : e);
        return k;
    }

    /** Whether the expression holds a bind parameter. */
    boolean hasBinds() {
        return binds > 0;
    }

    /** Whether every value it holds could be written as a SQL literal ({@link Literal}). */
    boolean valuesAreLiterals() {
        return literals;
    }

    /** Whether {@code part} is this expression or one of its subexpressions. */
    boolean contains(ExpressionKey part) {
        return java.util.Collections.indexOfSubList(tokens, part.tokens) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpressionKey && ((ExpressionKey) o).tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
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
        tokens.add(List.of("ident", name));
        return this;
    }

    @Override
    public SqlBuilder bind(Object value, Expression<?> typeHint) {
        binds++;
        literals &= Literal.of(value, typeHint, dialect) != null;
        tokens.add(BIND);
        tokens.add(value instanceof Object[] ? List.of((Object[]) value) : Objects.requireNonNullElse(value, BIND));
        tokens.add(typeHint instanceof Attribute ? typeHint : null);
        return this;
    }

    @Override
    public boolean bindsAsArray(Expression<?> typeHint) {
        return true;
    }

    @Override
    public SqlBuilder bindArray(Object[] values, Expression<?> typeHint) {
        return bind(values, typeHint);
    }

    @Override
    public SqlBuilder bindNamed(Object value, String label) {
        binds++;
        literals = false;
        tokens.add(BIND);
        tokens.add(value);
        tokens.add(label);
        return this;
    }

    @Override
    public SqlBuilder visit(Expression<?> expression) {
        expression.render(this);
        return this;
    }

    @Override
    public SqlBuilder column(Object source, Attribute<?, ?> attribute) {
        tokens.add(source);
        tokens.add(attribute);
        return this;
    }

    @Override
    public SqlBuilder columnName(Attribute<?, ?> attribute) {
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
        // a subquery is the same only when it is the same statement object
        tokens.add(new Identity(select));
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
        tokens.add(source);
        return this;
    }

    @Override
    public SqlBuilder target(Object source) {
        tokens.add(source);
        return this;
    }

    @Override
    public SqlBuilder entityColumns(Object source) {
        tokens.add(source);
        return this;
    }

    @Override
    public SqlBuilder keyColumns(Object source) {
        tokens.add(source);
        return this;
    }

    @Override
    public SqlBuilder joinCondition(Object target) {
        tokens.add(target);
        return this;
    }

    /** Equal only to itself's referent. */
    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity && ((Identity) other).o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }
}

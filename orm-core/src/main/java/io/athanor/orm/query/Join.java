package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;

/**
 * One JOIN of a {@link Select}: kind, target, and an explicit ON condition or {@code null} to infer it. A join along
 * a relationship ({@code join(User_.orders)}) also names the relationship; its ON condition is the relationship's,
 * with {@link #on} (if any) added with AND. A LATERAL subquery joins ON TRUE (its own WHERE relates it to the rows
 * before it); a CROSS JOIN has no ON.
 */
final class Join {
    final boolean outer;
    final Object target;
    final Expression<Boolean> on;
    /** The relationship joined along, or {@code null}. */
    final Attribute<?, ?> via;
    /** The FROM item the relationship starts from (its owner class, or an alias of it); {@code null} without one. */
    final Object owner;
    final boolean cross;

    Join(boolean outer, Object target, Expression<Boolean> on) {
        this(outer, target, on, null, null, false);
    }

    Join(boolean outer, Object target, Expression<Boolean> on, boolean cross) {
        this(outer, target, on, null, null, cross);
    }

    private Join(boolean outer, Object target, Expression<Boolean> on, Attribute<?, ?> via, Object owner, boolean cross) {
        this.outer = outer;
        this.target = target;
        this.on = on;
        this.via = via;
        this.owner = owner;
        this.cross = cross;
    }

    /** Renders {@code FROM first} (nothing when there is no first item) and then each join. */
    static void renderFrom(SqlBuilder b, Object first, java.util.List<Join> joins) {
        if (first != null) {
            b.sql(" FROM ").source(first);
        }
        for (Join j : joins) {
            j.render(b);
        }
    }

    /**
     * A join of {@code target} (an entity class, an alias, a table...), or along {@code target} when it is a
     * relationship ({@code User_.orders}, or {@code alias.get(Category_.parent)} from an alias), to {@code alias} if
     * given or else to the relationship's target class.
     */
    static Join of(boolean outer, Object target, Aliased<?> alias, Expression<Boolean> on) {
        Object owner = null;
        Object relationship = target;
        if (target instanceof ColumnRef && ((ColumnRef<?>) target).source() instanceof Aliased) {
            owner = ((ColumnRef<?>) target).source();
            relationship = ((ColumnRef<?>) target).attribute();
        }
        if (relationship instanceof CollectionAttribute || relationship instanceof ReferenceAttribute) {
            Attribute<?, ?> r = (Attribute<?, ?>) relationship;
            String name = r.entityType().getSimpleName() + "_." + r.path();
            if (alias == null && r.javaType() == r.entityType()) {
                String entity = r.entityType().getSimpleName();
                throw new AthanorException("join(" + name + ") joins " + entity + " to itself, so the joined side needs its "
                        + "own alias: join(" + name + ", aliased(" + entity + ".class)).");
            }
            if (alias != null && alias.entityType() != r.javaType()) {
                throw new AthanorException("join(" + name + ", " + alias + "): " + name + " leads to "
                        + r.javaType().getSimpleName() + ", but the alias is of " + alias.entityType().getSimpleName()
                        + ". Use aliased(" + r.javaType().getSimpleName() + ".class).");
            }
            return new Join(outer, alias != null ? alias : r.javaType(), on, r, owner != null ? owner : r.entityType(), false);
        }
        if (relationship instanceof Expression) {
            throw new AthanorException("join(" + target + "): " + target + " is a column, not a relationship. Join an entity "
                    + "class, an alias or a table (with a condition), or a relationship attribute such as User_.orders.");
        }
        if (alias != null) {
            throw new AthanorException("join(target, alias) joins along a relationship: the target must be a relationship "
                    + "attribute such as Category_.parent; got " + target + ". To join an alias, pass it alone: join(alias).");
        }
        return new Join(outer, checkSource(target), on, null, null, false);
    }

    static Object checkSource(Object source) {
        if (source instanceof Class || source instanceof Aliased || source instanceof Table || source instanceof DerivedTable
                || source instanceof CommonTable || source instanceof TableExpression) {
            return source;
        }
        throw new AthanorException("A FROM or JOIN item must be an entity class, an Aliased entity, a Table, a DerivedTable, "
                + "a CommonTable, a TableExpression (values, generateSeries, unnest) or (to join) a relationship attribute; got "
                + (source == null ? "null" : source.getClass().getName()) + ".");
    }

    static java.util.List<Join> append(java.util.List<Join> joins, Join join) {
        java.util.List<Join> all = new java.util.ArrayList<>(joins);
        all.add(join);
        return java.util.List.copyOf(all);
    }

    void render(SqlBuilder b) {
        if (cross) {
            b.sql(" CROSS JOIN ").source(target);
            return;
        }
        if (via != null) {
            b.relationshipJoin(outer, owner, via, target);
            b.discriminatorFilter(target, " AND ");
            if (on != null) {
                b.sql(" AND ").visit(on);
            }
            return;
        }
        b.sql(outer ? " LEFT OUTER JOIN " : " JOIN ").source(target).sql(" ON ");
        // a subclass of a single-table hierarchy joins only its own rows
        boolean filtered = b.discriminatorFilter(target, "");
        if (filtered) {
            b.sql(" AND (");
        }
        if (on != null) {
            b.visit(on);
        } else if (target instanceof DerivedTable && ((DerivedTable) target).lateral()) {
            b.sql("TRUE");
        } else {
            b.joinCondition(target);
        }
        if (filtered) {
            b.sql(")");
        }
    }
}

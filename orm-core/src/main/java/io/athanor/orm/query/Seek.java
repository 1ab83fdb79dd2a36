package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.List;

/**
 * The condition of keyset pagination: the rows after a given row in the statement's ORDER BY. With every
 * item in one direction, and where the dialect compares rows of values, it is one row comparison,
 * {@code (users.name, users.id) > (?, ?)}, which an index on {@code (name, id)} answers directly; with mixed
 * directions (or no row comparison) it is expanded: {@code (a < ? OR (a = ? AND b > ?))}. Sort keys must be
 * NOT NULL (a NULL key compares as unknown and its row would never be reached).
 */
final class Seek extends Expression<Boolean> {
    private final List<Order> orders;
    private final List<Expression<?>> keys;
    private final List<Expression<?>> values;

    private Seek(List<Order> orders, List<Expression<?>> keys, List<Expression<?>> values) {
        this.orders = orders;
        this.keys = keys;
        this.values = values;
    }

    /**
     * The rows after the one whose sort keys are {@code values}, in {@code orderBy}.
     *
     * @throws AthanorException without ORDER BY, with a number of values that differs from it, a null value, a
     *                          value of the wrong type, or an item ordered by label
     */
    static Seek after(List<Order> orderBy, Object[] values) {
        if (orderBy.isEmpty()) {
            throw new AthanorException("seek(...) continues after the last row of an ordered query, and this query has no "
                    + "ORDER BY: call orderBy(...) first, ending with a unique key, e.g. orderBy(User_.name.asc(), "
                    + "User_.id.asc()).seek(lastName, lastId).");
        }
        if (values == null || values.length != orderBy.size()) {
            throw new AthanorException("seek(...) got " + (values == null ? 0 : values.length) + " value(s) but the ORDER BY has "
                    + orderBy.size() + " item(s) (" + describe(orderBy) + "): give one value per ORDER BY item, in order, "
                    + "taken from the last row of the previous page.");
        }
        List<Expression<?>> keys = new ArrayList<>(orderBy.size());
        List<Expression<?>> params = new ArrayList<>(orderBy.size());
        for (int i = 0; i < values.length; i++) {
            Expression<?> e = orderBy.get(i).expression();
            if (e instanceof LabelRef) {
                throw new AthanorException("seek(...) cannot continue after " + orderBy.get(i) + ": a WHERE condition cannot "
                        + "refer to a selected column's label. Order by the expression itself.");
            }
            Expression<?> key = e instanceof Label ? ((Label<?>) e).expression() : e;
            Object v = values[i];
            if (v == null) {
                throw new AthanorException("seek(...) value " + (i + 1) + " (for " + key + ") is null. Keyset pagination needs "
                        + "sort keys that are never NULL; order by NOT NULL columns, or coalesce(...) the key in both the "
                        + "ORDER BY and the value.");
            }
            Class<?> type = key.javaType();
            if (type != Object.class && !boxed(type).isInstance(v)) {
                throw new AthanorException("seek(...) value " + (i + 1) + " (for " + key + ") is a " + v.getClass().getName()
                        + " but " + key + " is a " + type.getName() + ": give the value the last row read for that key.");
            }
            keys.add(key);
            params.add(Param.of(v, key));
        }
        return new Seek(List.copyOf(orderBy), List.copyOf(keys), List.copyOf(params));
    }

    private static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    private static String describe(List<Order> orders) {
        List<String> s = new ArrayList<>();
        for (Order o : orders) {
            s.add(o.toString());
        }
        return String.join(", ", s);
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        boolean ascending = orders.get(0).ascending();
        boolean uniform = true;
        for (Order o : orders) {
            uniform &= o.ascending() == ascending;
        }
        if (keys.size() == 1) {
            b.visit(keys.get(0)).sql(ascending ? " > " : " < ").visit(values.get(0));
        } else if (uniform && b.dialect().supportsRowValueComparison()) {
            list(b, keys).sql(ascending ? " > " : " < ");
            list(b, values);
        } else {
            b.sql("(");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    b.sql(" OR (");
                    for (int j = 0; j < i; j++) {
                        b.visit(keys.get(j)).sql(" = ").visit(values.get(j)).sql(" AND ");
                    }
                }
                b.visit(keys.get(i)).sql(orders.get(i).ascending() ? " > " : " < ").visit(values.get(i));
                if (i > 0) {
                    b.sql(")");
                }
            }
            b.sql(")");
        }
    }

    private static SqlBuilder list(SqlBuilder b, List<Expression<?>> items) {
        b.sql("(");
        for (int i = 0; i < items.size(); i++) {
            b.sql(i > 0 ? ", " : "").visit(items.get(i));
        }
        return b.sql(")");
    }
}

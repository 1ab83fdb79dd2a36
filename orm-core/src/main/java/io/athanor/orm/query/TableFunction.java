package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.List;

/**
 * A set-returning function as a FROM item: {@code generate_series(?, ?) AS g (n)}, {@code unnest(?) AS u (x)}.
 * PostgreSQL and H2 have both; MariaDB has neither, and a statement using one is refused there with what to use
 * instead. Immutable.
 */
public final class TableFunction extends TableExpression {
    private final String name;
    private final List<Expression<?>> args;
    private final Object[] array;
    private final Class<?> elementType;

    private TableFunction(String name, String alias, String column, List<Expression<?>> args, Object[] array,
                          Class<?> elementType) {
        super(alias, List.of(column));
        this.name = name;
        this.args = args;
        this.array = array;
        this.elementType = elementType;
    }

    static TableFunction series(String alias, String column, Expression<?> start, Expression<?> stop, Expression<?> step) {
        return new TableFunction("generate_series", alias, column, step == null ? List.of(start, stop) : List.of(start, stop, step),
                null, null);
    }

    static TableFunction unnest(String alias, String column, Object[] values, Class<?> elementType) {
        return new TableFunction("unnest", alias, column, List.of(), values, elementType);
    }

    @Override
    public void renderSource(SqlBuilder b, String quotedAlias) {
        if (!b.dialect().supportsSetReturningFunctions()) {
            throw new AthanorException(name + "(...) as a table is not available on " + b.dialect().displayName() + ". Use "
                    + "Sql.values(...) for a fixed list of rows, or a recursive CommonTable to generate a series.");
        }
        b.sql(name).sql("(");
        if (array != null) {
            Expression<?> hint = Param.of(null, elementType).typeHint();
            if (b.bindsAsArray(hint)) {
                b.bindArray(array, hint);
            } else if (b.dialect().bindsArrays()) {
                throw new AthanorException("unnest(...): values of " + elementType.getName() + " have no array form to bind.");
            } else {
                b.bind(array, null);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            b.sql(i > 0 ? ", " : "").visit(args.get(i));
        }
        b.sql(")");
        renderAlias(b, quotedAlias);
    }
}

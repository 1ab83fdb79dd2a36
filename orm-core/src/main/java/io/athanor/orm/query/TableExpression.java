package io.athanor.orm.query;

import java.util.List;
import java.util.Objects;

/**
 * A FROM item that is not a table: a {@code VALUES} list ({@link Sql#values}) or a set-returning function
 * ({@link Sql#generateSeries}, {@link Sql#unnest}), with an alias and named columns. Select from it, join it,
 * or {@code crossJoin} it like a table; read its columns with {@link #column(String, Class)}.
 *
 * <p>Each instance is a distinct FROM item. Immutable and thread-safe.
 */
public abstract class TableExpression {
    private final String alias;
    private final List<String> columns;

    TableExpression(String alias, List<String> columns) {
        this.alias = Sql.checkName(alias, "alias");
        for (String c : columns) {
            Sql.checkName(c, "column name");
        }
        this.columns = List.copyOf(columns);
    }

    /** The alias it is known by in the statement. */
    public final String alias() {
        return alias;
    }

    /** Its column names, in order. */
    public final List<String> columns() {
        return columns;
    }

    /**
     * One of its columns, read as {@code type}.
     *
     * @throws io.athanor.orm.error.AthanorException if it has no column of that name
     */
    public final <T> Expression<T> column(String name, Class<T> type) {
        if (!columns.contains(name)) {
            throw new io.athanor.orm.error.AthanorException(alias + " has no column " + name + "; its columns are " + columns
                    + ".");
        }
        return new NamedColumn<>(this, name, Objects.requireNonNull(type, "type"));
    }

    /**
     * Renders the item and its alias ({@code quotedAlias}) as a FROM item; called by the compiler.
     *
     * @throws io.athanor.orm.error.AthanorException if the database has no such construct
     */
    public abstract void renderSource(SqlBuilder b, String quotedAlias);

    /** Renders {@code  AS alias (c1, c2)}. */
    final void renderAlias(SqlBuilder b, String quotedAlias) {
        b.sql(" AS ").sql(quotedAlias).sql(" (");
        for (int i = 0; i < columns.size(); i++) {
            b.sql(i > 0 ? ", " : "").identifier(columns.get(i));
        }
        b.sql(")");
    }

    @Override
    public String toString() {
        return DebugSql.render(this);
    }
}

package io.athanor.orm.query;

import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code (VALUES (?, ?), (?, ?)) AS v (a, b)}: rows of values as a table, every value bound. MariaDB has no
 * column list on a derived table, so there it renders {@code (SELECT ? AS a, ? AS b UNION ALL SELECT ?, ?) v}. H2
 * types a parameter there as text, so its first row casts numbers, dates and UUIDs to their type.
 * Immutable; {@link #row(Object...)} returns a new list.
 */
public final class ValuesList extends TableExpression {
    /** The column kind of each value class a first row is cast to where the database types parameters as text. */
    private static final java.util.Map<Class<?>, SqlType.Kind> KINDS = java.util.Map.ofEntries(
            java.util.Map.entry(Long.class, SqlType.Kind.BIGINT), java.util.Map.entry(Integer.class, SqlType.Kind.INTEGER),
            java.util.Map.entry(Short.class, SqlType.Kind.SMALLINT), java.util.Map.entry(Double.class, SqlType.Kind.DOUBLE),
            java.util.Map.entry(Float.class, SqlType.Kind.REAL), java.util.Map.entry(Boolean.class, SqlType.Kind.BOOLEAN),
            java.util.Map.entry(java.time.LocalDate.class, SqlType.Kind.DATE),
            java.util.Map.entry(java.time.LocalDateTime.class, SqlType.Kind.TIMESTAMP),
            java.util.Map.entry(java.time.OffsetDateTime.class, SqlType.Kind.TIMESTAMP_TZ),
            java.util.Map.entry(java.util.UUID.class, SqlType.Kind.UUID));

    private final List<List<Param<?>>> rows;

    ValuesList(String alias, List<String> columns, List<List<Param<?>>> rows) {
        super(alias, columns);
        if (columns.isEmpty()) {
            throw new AthanorException("values(\"" + alias + "\", ...) needs at least one column name.");
        }
        this.rows = rows;
    }

    /**
     * These values with one more row, one value per column.
     *
     * @throws AthanorException if the number of values differs from the number of columns
     */
    public ValuesList row(Object... values) {
        if (values == null || values.length != columns().size()) {
            throw new AthanorException("A row of " + alias() + " has " + columns().size() + " value(s) " + columns() + "; got "
                    + (values == null ? 0 : values.length) + ".");
        }
        List<Param<?>> row = new ArrayList<>(values.length);
        for (Object v : values) {
            row.add(Param.of(v, v == null ? Object.class : v.getClass()));
        }
        List<List<Param<?>>> all = new ArrayList<>(rows);
        all.add(List.copyOf(row));
        return new ValuesList(alias(), columns(), List.copyOf(all));
    }

    @Override
    public void renderSource(SqlBuilder b, String quotedAlias) {
        if (rows.isEmpty()) {
            throw new AthanorException(alias() + " has no rows; add them with .row(...).");
        }
        if (!b.dialect().supportsDerivedColumnLists()) {
            b.sql("(");
            for (int r = 0; r < rows.size(); r++) {
                b.sql(r > 0 ? " UNION ALL SELECT " : "SELECT ");
                for (int c = 0; c < columns().size(); c++) {
                    b.sql(c > 0 ? ", " : "").visit(rows.get(r).get(c));
                    if (r == 0) {
                        b.sql(" AS ").identifier(columns().get(c));
                    }
                }
            }
            b.sql(") ").sql(quotedAlias);
            return;
        }
        b.sql("(VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            b.sql(r > 0 ? ", (" : "(");
            for (int c = 0; c < columns().size(); c++) {
                Param<?> v = rows.get(r).get(c);
                SqlType.Kind kind = r == 0 && !b.dialect().typesParametersByValue() ? KINDS.get(v.javaType()) : null;
                if (kind != null) {
                    b.sql(c > 0 ? ", CAST(" : "CAST(").visit(v).sql(" AS ").sql(b.dialect().typeName(SqlType.of(kind))).sql(")");
                } else {
                    b.sql(c > 0 ? ", " : "").visit(v);
                }
            }
            b.sql(")");
        }
        b.sql(")");
        renderAlias(b, quotedAlias);
    }
}

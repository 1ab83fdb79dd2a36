package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.internal.types.PostgresText;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Expression;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A list of values bound as one array parameter ({@code x = ANY(?)}) where the dialect binds arrays: each
 * value in its PostgreSQL text form (after the column's converter or enum mapping), sent as an array of
 * the column's element type, so that the database reads every element as a bound value would be read.
 */
final class ArrayParameter implements ColumnType {
    private static final Map<Class<?>, String> BY_JAVA_TYPE = Map.ofEntries(
            Map.entry(Long.class, "int8"), Map.entry(Integer.class, "int4"), Map.entry(Short.class, "int2"),
            Map.entry(String.class, "text"), Map.entry(Boolean.class, "bool"), Map.entry(Double.class, "float8"),
            Map.entry(Float.class, "float4"), Map.entry(BigDecimal.class, "numeric"), Map.entry(UUID.class, "uuid"),
            Map.entry(LocalDate.class, "date"), Map.entry(LocalDateTime.class, "timestamp"),
            Map.entry(OffsetDateTime.class, "timestamptz"), Map.entry(Instant.class, "timestamptz"));

    private final String elementType;
    private final ColumnType column;

    private ArrayParameter(String elementType, ColumnType column) {
        this.elementType = elementType;
        this.column = column;
    }

    /**
     * How values compared with {@code typeHint} bind as one array, or {@code null} where they cannot: the
     * dialect has no array parameters, the hint is a relationship, or the column's type has no array form
     * here (binary, a custom SQL type). Depends only on the hint and the dialect, as shapes require.
     */
    static ArrayParameter of(Metadata metadata, Expression<?> typeHint) {
        Dialect dialect = metadata.dialect();
        if (!dialect.bindsArrays() || typeHint == null) {
            return null;
        }
        if (typeHint instanceof Attribute) {
            Attribute<?, ?> a = (Attribute<?, ?>) typeHint;
            EntityModel entity = metadata.entity(a.entityType());
            if (entity.relationship(a.path()) != null) {
                return null;
            }
            PropertyModel p = entity.property(a.path());
            ColumnType type = p.column().type();
            String element = type.sqlType().custom() == null ? byKind(type.sqlType().kind()) : null;
            return element == null ? null : new ArrayParameter(element, type);
        }
        String element = BY_JAVA_TYPE.get(typeHint.javaType());
        return element == null ? null : new ArrayParameter(element, null);
    }

    private static String byKind(SqlType.Kind kind) {
        switch (kind) {
            case BOOLEAN:
                return "bool";
            case TINYINT:
            case SMALLINT:
                return "int2";
            case INTEGER:
                return "int4";
            case BIGINT:
                return "int8";
            case REAL:
                return "float4";
            case DOUBLE:
                return "float8";
            case DECIMAL:
                return "numeric";
            case VARCHAR:
                return "text";
            case CHAR:
                return "bpchar";
            case UUID:
                return "uuid";
            case DATE:
                return "date";
            case TIME:
                return "time";
            case TIMESTAMP:
                return "timestamp";
            case TIMESTAMP_TZ:
                return "timestamptz";
            case TIME_TZ:
                return "timetz";
            default:
                return null;
        }
    }

    @Override
    public boolean converted() {
        return column != null && column.converted();
    }

    @Override
    public SqlType sqlType() {
        return column != null ? column.sqlType() : new SqlType(SqlType.Kind.VARCHAR, 0, 0, 0, null);
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        Object[] values = (Object[]) value;
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            Object stored = v == null || column == null ? v : column.toDatabase(v);
            texts[i] = stored == null ? null : PostgresText.of(stored);
        }
        ps.setArray(index, ps.getConnection().createArrayOf(elementType, texts));
    }

    @Override
    public Object read(ResultSet rs, int index) {
        throw new UnsupportedOperationException("an array parameter is never read");
    }
}

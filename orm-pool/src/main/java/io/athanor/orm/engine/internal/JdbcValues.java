package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.Result;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds Java values to statements and reads columns as java.time-friendly values. An {@link Instant} binds
 * as its UTC {@link OffsetDateTime} and a {@link ZonedDateTime} as its {@link OffsetDateTime} (the same
 * instant; the zone's name is not sent), since drivers take neither as they are.
 */
final class JdbcValues {
    private JdbcValues() {
    }

    static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.NULL);
        } else if (v instanceof String) {
            ps.setString(index, (String) v);
        } else if (v instanceof Long) {
            ps.setLong(index, (Long) v);
        } else if (v instanceof Integer) {
            ps.setInt(index, (Integer) v);
        } else if (v instanceof Boolean) {
            ps.setBoolean(index, (Boolean) v);
        } else if (v instanceof BigDecimal) {
            ps.setBigDecimal(index, (BigDecimal) v);
        } else if (v instanceof Double) {
            ps.setDouble(index, (Double) v);
        } else if (v instanceof Float) {
            ps.setFloat(index, (Float) v);
        } else if (v instanceof Short) {
            ps.setShort(index, (Short) v);
        } else if (v instanceof Byte) {
            ps.setByte(index, (Byte) v);
        } else if (v instanceof byte[]) {
            ps.setBytes(index, (byte[]) v);
        } else if (v instanceof BigInteger) {
            ps.setBigDecimal(index, new BigDecimal((BigInteger) v));
        } else if (v instanceof Character) {
            ps.setString(index, v.toString());
        } else if (v instanceof Enum) {
            ps.setString(index, ((Enum<?>) v).name());
        } else if (v instanceof Instant) {
            ps.setObject(index, OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
        } else if (v instanceof ZonedDateTime) {
            ps.setObject(index, ((ZonedDateTime) v).toOffsetDateTime());
        } else {
            ps.setObject(index, v);
        }
    }

    /** One reader per column, chosen once per result from the metadata. */
    static ColumnReader[] readers(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        ColumnReader[] readers = new ColumnReader[n];
        for (int i = 0; i < n; i++) {
            readers[i] = reader(md.getColumnType(i + 1), md.getColumnTypeName(i + 1));
        }
        return readers;
    }

    private static ColumnReader reader(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
            case Types.TIMESTAMP:
                if (name.equals("timestamptz") || name.contains("with time zone")) {
                    return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
                }
                return (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case Types.DATE:
                return (rs, i) -> rs.getObject(i, LocalDate.class);
            case Types.TIME_WITH_TIMEZONE:
                return (rs, i) -> rs.getObject(i, OffsetTime.class);
            case Types.TIME:
                if (name.equals("timetz")) {
                    return (rs, i) -> rs.getObject(i, OffsetTime.class);
                }
                return (rs, i) -> rs.getObject(i, LocalTime.class);
            case Types.CLOB:
            case Types.NCLOB:
                return ResultSet::getString;
            case Types.BLOB:
                return ResultSet::getBytes;
            default:
                return ResultSet::getObject;
        }
    }

    /** Reads one column of the current row. */
    @FunctionalInterface
    interface ColumnReader extends io.athanor.orm.engine.PreparedWork.ColumnReader {
    }

    /** Reads a whole result set: its column labels and every row. */
    static Result result(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] labels = new String[n];
        for (int i = 1; i <= n; i++) {
            labels[i - 1] = md.getColumnLabel(i);
        }
        ColumnReader[] readers = readers(md);
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = readers[i].read(rs, i + 1);
            }
            rows.add(row);
        }
        return Result.ofRows(List.of(labels), rows); // an immutable list: Result keeps it without a copy
    }
}

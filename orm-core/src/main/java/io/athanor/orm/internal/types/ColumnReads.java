package io.athanor.orm.internal.types;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Reads the columns of the common built-in types with the driver's own getter, chosen by a code worked out once per
 * column ({@link #codeOf}), instead of through each type's reader lambda. A loader reading every column of every row
 * through {@link ColumnType#read} makes that one call site see a lambda per Java type, which the JIT cannot inline;
 * here each getter is called from its own site. Values are exactly what {@link ColumnType#read} returns. Stateless.
 */
public final class ColumnReads {
    /** Read through {@link ColumnType#read}. */
    public static final int OTHER = 0;
    static final int LONG = 1;
    static final int INT = 2;
    static final int STRING = 3;
    static final int BIGDECIMAL = 4;
    static final int DOUBLE = 5;
    static final int BOOLEAN = 6;
    static final int SHORT = 7;
    static final int FLOAT = 8;
    static final int LOCAL_DATE = 9;
    static final int LOCAL_DATE_TIME = 10;
    static final int OFFSET_DATE_TIME = 11;

    private ColumnReads() {
    }

    /** How to read columns of {@code type}: one of the codes here, {@link #OTHER} for types read through their own code. */
    public static int codeOf(ColumnType type) {
        return type instanceof ColumnTypes.Simple ? ((ColumnTypes.Simple) type).readCode() : OTHER;
    }

    /** The codes of {@code types}, one per column. */
    public static int[] codesOf(ColumnType[] types) {
        int[] codes = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            codes[i] = codeOf(types[i]);
        }
        return codes;
    }

    /**
     * Column {@code index} of the current row, as {@code type} reads it; {@code code} is {@code codeOf(type)}.
     *
     * @throws SQLException as the driver's getter does
     */
    public static Object read(ResultSet rs, int index, int code, ColumnType type) throws SQLException {
        switch (code) {
            case LONG: {
                long v = rs.getLong(index);
                return v == 0 && rs.wasNull() ? null : Long.valueOf(v);
            }
            case INT: {
                int v = rs.getInt(index);
                return v == 0 && rs.wasNull() ? null : Integer.valueOf(v);
            }
            case STRING:
                return rs.getString(index);
            case BIGDECIMAL:
                return rs.getBigDecimal(index);
            case DOUBLE: {
                double v = rs.getDouble(index);
                return v == 0 && rs.wasNull() ? null : Double.valueOf(v);
            }
            case BOOLEAN: {
                boolean v = rs.getBoolean(index);
                return !v && rs.wasNull() ? null : Boolean.valueOf(v);
            }
            case SHORT: {
                short v = rs.getShort(index);
                return v == 0 && rs.wasNull() ? null : Short.valueOf(v);
            }
            case FLOAT: {
                float v = rs.getFloat(index);
                return v == 0 && rs.wasNull() ? null : Float.valueOf(v);
            }
            case LOCAL_DATE:
                return rs.getObject(index, LocalDate.class);
            case LOCAL_DATE_TIME:
                return rs.getObject(index, LocalDateTime.class);
            case OFFSET_DATE_TIME:
                return rs.getObject(index, OffsetDateTime.class);
            default:
                return type.read(rs, index);
        }
    }
}

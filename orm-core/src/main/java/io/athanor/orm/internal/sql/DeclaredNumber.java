package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.types.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a computed number (an aggregate, arithmetic) as the Java type its expression declares, whatever
 * the database returns for it: {@code AVG} is a {@code Double} though PostgreSQL and MariaDB answer
 * {@code numeric}; {@code SUM} of an {@code int} field is an {@code Integer} though databases widen it.
 * A value that does not fit the declared type is refused with a message rather than cut.
 */
final class DeclaredNumber implements ColumnType {
    private final Class<?> type;

    private DeclaredNumber(Class<?> type) {
        this.type = type;
    }

    /** The reader for {@code javaType}, or {@code null} when it is not a number type read here. */
    static ColumnType of(Class<?> javaType) {
        if (javaType == Double.class || javaType == Float.class || javaType == Long.class || javaType == Integer.class
                || javaType == Short.class || javaType == BigDecimal.class || javaType == BigInteger.class) {
            return new DeclaredNumber(javaType);
        }
        return null;
    }

    /** Equal for one declared type, so that readers built for a shape's columns are found again when it compiles again. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DeclaredNumber && ((DeclaredNumber) o).type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public SqlType sqlType() {
        throw new UnsupportedOperationException("a computed value has no column type");
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) {
        throw new UnsupportedOperationException("a computed value is never bound");
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        Object v = rs.getObject(index);
        if (v == null || type.isInstance(v) || !(v instanceof Number)) {
            return v;
        }
        Number n = (Number) v;
        if (type == Double.class) {
            return n.doubleValue();
        } else if (type == Float.class) {
            return n.floatValue();
        } else if (type == BigDecimal.class) {
            return n instanceof BigInteger ? new BigDecimal((BigInteger) n) : new BigDecimal(n.toString());
        }
        BigDecimal exact = n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString());
        try {
            if (type == BigInteger.class) {
                return exact.toBigIntegerExact();
            } else if (type == Long.class) {
                return exact.longValueExact();
            } else if (type == Integer.class) {
                return exact.intValueExact();
            }
            return exact.shortValueExact();
        } catch (ArithmeticException e) {
            throw new AthanorException("Column " + index + " of the result is " + exact.toPlainString() + ", which is not a "
                    + type.getSimpleName() + " as its expression declares. Select it as a wider type, e.g. "
                    + "sum(cast(x, \"bigint\", Long.class)), or cast(..., \"numeric\", BigDecimal.class) for fractions.");
        }
    }
}

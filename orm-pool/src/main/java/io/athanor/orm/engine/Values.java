package io.athanor.orm.engine;

import io.athanor.orm.error.AthanorException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/** Conversions for {@link Row#get(String, Class)}. */
final class Values {
    private Values() {
    }

    @SuppressWarnings("unchecked")
    static <T> T convert(Object value, Class<T> type, String column) {
        if (value == null) {
            return null;
        }
        Class<?> boxed = box(type);
        if (boxed.isInstance(value)) {
            return (T) value;
        }
        Object converted = null;
        if (value instanceof Number) {
            converted = fromNumber((Number) value, boxed);
        } else if (value instanceof String) {
            if (boxed == UUID.class) {
                converted = UUID.fromString((String) value);
            } else if (boxed == Character.class && ((String) value).length() == 1) {
                converted = ((String) value).charAt(0);
            }
        } else if (value instanceof Boolean && boxed == Integer.class) {
            converted = ((Boolean) value) ? 1 : 0;
        }
        if (boxed == String.class && (value instanceof Character || value instanceof UUID || isPostgresText(value))) {
            converted = value.toString();
        }
        if (converted == null) {
            throw new AthanorException("Column '" + column + "' holds a " + value.getClass().getName() + " (" + value
                    + "), which cannot be read as " + type.getName() + ".");
        }
        return (T) converted;
    }

    /**
     * A value of a PostgreSQL type the driver has no Java class for ({@code json}, {@code jsonb}, {@code xml} ...): its
     * {@code toString()} is the value's text.
     */
    private static boolean isPostgresText(Object value) {
        return value.getClass().getName().equals("org.postgresql.util.PGobject");
    }

    private static Object fromNumber(Number n, Class<?> type) {
        try {
            if (type == Long.class) {
                return toBig(n).longValueExact();
            } else if (type == Integer.class) {
                return toBig(n).intValueExact();
            } else if (type == Short.class) {
                return toBig(n).shortValueExact();
            } else if (type == Byte.class) {
                return toBig(n).byteValueExact();
            } else if (type == Double.class) {
                return n.doubleValue();
            } else if (type == Float.class) {
                return n.floatValue();
            } else if (type == BigDecimal.class) {
                return toBig(n);
            } else if (type == BigInteger.class) {
                return toBig(n).toBigIntegerExact();
            } else if (type == Boolean.class) {
                return n.intValue() != 0;
            }
        } catch (ArithmeticException e) {
            return null;
        }
        return null;
    }

    private static BigDecimal toBig(Number n) {
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        if (n instanceof BigInteger) {
            return new BigDecimal((BigInteger) n);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == long.class) {
            return Long.class;
        } else if (type == int.class) {
            return Integer.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == byte.class) {
            return Byte.class;
        } else if (type == char.class) {
            return Character.class;
        }
        return type;
    }
}

package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.dialect.SqlType.Kind;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A list or array field stored in one array column ({@code text[]}, {@code integer[]}, {@code bigint[]},
 * {@code uuid[]} on PostgreSQL; {@code varchar array} and the like on H2): {@code List<E>} and {@code E[]} of
 * {@code String}, {@code Integer}, {@code Long}, {@code UUID} or an enum (stored by name), and {@code int[]},
 * {@code long[]}. A NULL column reads as {@code null}, an empty array as an empty list or array. Lists are read
 * as mutable {@link ArrayList}s; snapshots are copies, so that elements changed in place are flushed.
 * Immutable and thread-safe.
 */
public final class ArrayColumnType implements ColumnType {
    /** The element classes an array column holds (besides enums). */
    private static final Set<Class<?>> ELEMENTS = Set.of(String.class, Integer.class, Long.class, UUID.class);

    /** How the field holds its elements. */
    private enum Shape { LIST, OBJECTS, INTS, LONGS }

    private final Shape shape;
    private final Class<?> element;
    private final SqlType sqlType;
    private final String elementName;

    private ArrayColumnType(Shape shape, Class<?> element, SqlType sqlType, String elementName) {
        this.shape = shape;
        this.element = element;
        this.sqlType = sqlType;
        this.elementName = elementName;
    }

    /**
     * The element class of a field of type {@code raw} (generic type {@code generic}) that maps to an array column:
     * {@code List<E>} or {@code E[]} of a supported element, {@code int[]}, {@code long[]}; otherwise {@code null}.
     */
    public static Class<?> elementOf(Class<?> raw, Type generic) {
        if (raw == int[].class) {
            return Integer.class;
        }
        if (raw == long[].class) {
            return Long.class;
        }
        if (raw.isArray()) {
            return supported(raw.getComponentType()) ? raw.getComponentType() : null;
        }
        if (raw == List.class && generic instanceof ParameterizedType) {
            Type arg = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return arg instanceof Class && supported((Class<?>) arg) ? (Class<?>) arg : null;
        }
        return null;
    }

    private static boolean supported(Class<?> c) {
        return ELEMENTS.contains(c) || c.isEnum();
    }

    /**
     * The column type for a field of type {@code raw} whose elements are {@code element} (from {@link #elementOf}).
     *
     * @param custom {@code @Column(sqlType)}, or {@code null} for the dialect's array type
     * @return {@code null} where {@code dialect} has no array columns
     */
    public static ArrayColumnType of(Class<?> raw, Class<?> element, String custom, Dialect dialect) {
        SqlType elementType = SqlType.of(kindOf(element));
        String ddl = dialect.arrayTypeName(elementType);
        if (ddl == null) {
            return null;
        }
        Shape shape = raw == int[].class ? Shape.INTS : raw == long[].class ? Shape.LONGS : raw.isArray() ? Shape.OBJECTS : Shape.LIST;
        return new ArrayColumnType(shape, element, new SqlType(elementType.kind(), 0, 0, 0, custom != null ? custom : ddl),
                dialect.arrayElementName(elementType));
    }

    private static Kind kindOf(Class<?> element) {
        if (element == Integer.class) {
            return Kind.INTEGER;
        } else if (element == Long.class) {
            return Kind.BIGINT;
        } else if (element == UUID.class) {
            return Kind.UUID;
        }
        return Kind.VARCHAR;
    }

    @Override
    public SqlType sqlType() {
        return sqlType;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.ARRAY);
        } else {
            ps.setArray(index, ps.getConnection().createArrayOf(elementName, (Object[]) toDatabase(value)));
        }
    }

    /** The elements as the column holds them, in an {@code Object[]}: enums by name. */
    @Override
    public Object toDatabase(Object value) {
        Object[] out;
        switch (shape) {
            case INTS:
                out = Arrays.stream((int[]) value).boxed().toArray();
                break;
            case LONGS:
                out = Arrays.stream((long[]) value).boxed().toArray();
                break;
            case OBJECTS:
                out = ((Object[]) value).clone();
                break;
            default:
                out = ((List<?>) value).toArray();
        }
        if (element.isEnum()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] == null ? null : ((Enum<?>) out[i]).name();
            }
        }
        return out;
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        Array array = rs.getArray(index);
        if (array == null) {
            return null;
        }
        Object[] stored = (Object[]) array.getArray();
        switch (shape) {
            case INTS: {
                int[] out = new int[stored.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ((Number) notNull(stored[i])).intValue();
                }
                return out;
            }
            case LONGS: {
                long[] out = new long[stored.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ((Number) notNull(stored[i])).longValue();
                }
                return out;
            }
            case OBJECTS: {
                Object[] out = (Object[]) java.lang.reflect.Array.newInstance(element, stored.length);
                for (int i = 0; i < out.length; i++) {
                    out[i] = fromDatabase(stored[i]);
                }
                return out;
            }
            default: {
                List<Object> out = new ArrayList<>(stored.length);
                for (Object o : stored) {
                    out.add(fromDatabase(o));
                }
                return out;
            }
        }
    }

    private Object notNull(Object o) throws SQLException {
        if (o == null) {
            throw new SQLException("The array column holds a NULL element, which an " + (shape == Shape.INTS ? "int[]" : "long[]")
                    + " field cannot hold; map the field as " + (shape == Shape.INTS ? "Integer[] or List<Integer>" : "Long[] or List<Long>")
                    + ".");
        }
        return o;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object fromDatabase(Object o) {
        if (o == null) {
            return null;
        }
        if (element.isEnum()) {
            return Enum.valueOf((Class) element, o.toString());
        } else if (element == Integer.class) {
            return ((Number) o).intValue();
        } else if (element == Long.class) {
            return ((Number) o).longValue();
        } else if (element == UUID.class) {
            return o instanceof UUID ? o : UUID.fromString(o.toString());
        }
        return o.toString();
    }

    @Override
    public boolean mutable() {
        return true;
    }

    @Override
    public Object snapshot(Object value) {
        if (value == null) {
            return null;
        }
        switch (shape) {
            case INTS:
                return ((int[]) value).clone();
            case LONGS:
                return ((long[]) value).clone();
            case OBJECTS:
                return ((Object[]) value).clone();
            default:
                return new ArrayList<>((List<?>) value);
        }
    }

    @Override
    public boolean same(Object value, Object snapshot) {
        if (value == null || snapshot == null) {
            return value == snapshot;
        }
        switch (shape) {
            case INTS:
                return Arrays.equals((int[]) value, (int[]) snapshot);
            case LONGS:
                return Arrays.equals((long[]) value, (long[]) snapshot);
            case OBJECTS:
                return Arrays.equals((Object[]) value, (Object[]) snapshot);
            default:
                return Objects.equals(value, snapshot);
        }
    }
}

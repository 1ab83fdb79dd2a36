package io.athanor.orm.internal.types;

import io.athanor.orm.annotations.AttributeConverter;
import io.athanor.orm.annotations.EnumType;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.dialect.SqlType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/** Chooses the {@link ColumnType} for a Java type on a dialect. */
public final class ColumnTypes {
    /** The Java types Athanor maps without a converter (primitives by their boxes), for messages. */
    public static final String SUPPORTED = "boolean, byte, short, int, long, float, double (and their boxes), char, "
            + "String, BigDecimal, BigInteger, byte[], UUID, enums, LocalDate, LocalTime, LocalDateTime, "
            + "OffsetDateTime, ZonedDateTime, OffsetTime, Instant, Duration";

    private static final Set<Class<?>> BASIC = Set.of(Boolean.class, Byte.class, Short.class, Integer.class, Long.class,
            Float.class, Double.class, Character.class, String.class, BigDecimal.class, BigInteger.class, byte[].class,
            UUID.class, LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class, Instant.class,
            Duration.class, ZonedDateTime.class, OffsetTime.class);

    private ColumnTypes() {
    }

    /** Whether {@code type} (boxed) maps without a converter. */
    public static boolean isSupported(Class<?> type) {
        Class<?> boxed = box(type);
        return BASIC.contains(boxed) || boxed.isEnum();
    }

    /** The box of a primitive type, or the type itself. */
    public static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
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
        throw new IllegalArgumentException(type.getName());
    }

    /**
     * The column type for a field.
     *
     * @param type      the field's type (must satisfy {@link #isSupported})
     * @param enumType  for enums: by name or position
     * @param length    {@code @Column(length)}, 0 for the default
     * @param precision {@code @Column(precision)}, 0 for the default
     * @param scale     {@code @Column(scale)}, -1 for the default
     * @param custom    {@code @Column(sqlType)}, empty for none
     */
    public static ColumnType of(Class<?> type, EnumType enumType, int length, int precision, int scale, String custom,
                                Dialect dialect) {
        Class<?> t = box(type);
        String c = custom == null || custom.isEmpty() ? null : custom;
        if (t.isEnum()) {
            if (enumType == EnumType.ORDINAL) {
                return new OrdinalEnumType(t, sized(Kind.INTEGER, c));
            }
            java.util.List<String> labels = EnumLabels.of(t);
            SqlType sql = new SqlType(Kind.VARCHAR, length > 0 ? length : Math.max(32, EnumLabels.longest(labels)), 0, 0, c);
            return new NameEnumType(t, sql, c != null && dialect.bindsTextAsUntyped(c), labels);
        }
        if (t == String.class) {
            SqlType sql = new SqlType(Kind.VARCHAR, length > 0 ? length : 255, 0, 0, c);
            return c != null && dialect.bindsTextAsUntyped(c)
                    ? new Simple(sql, (ps, i, v) -> ps.setObject(i, v, Types.OTHER), ResultSet::getString, Types.OTHER,
                            ColumnReads.STRING)
                    : new Simple(sql, (ps, i, v) -> ps.setString(i, (String) v), ResultSet::getString, ColumnReads.STRING);
        }
        if (t == Long.class) {
            return new Simple(sized(Kind.BIGINT, c), (ps, i, v) -> ps.setLong(i, (Long) v), (rs, i) -> nullable(rs, rs.getLong(i)),
                    Types.BIGINT, ColumnReads.LONG, long.class);
        } else if (t == Integer.class) {
            return new Simple(sized(Kind.INTEGER, c), (ps, i, v) -> ps.setInt(i, (Integer) v), (rs, i) -> nullable(rs, rs.getInt(i)),
                    Types.INTEGER, ColumnReads.INT, int.class);
        } else if (t == Short.class) {
            return new Simple(sized(Kind.SMALLINT, c), (ps, i, v) -> ps.setShort(i, (Short) v), (rs, i) -> nullable(rs, rs.getShort(i)), ColumnReads.SHORT);
        } else if (t == Byte.class) {
            return new Simple(sized(Kind.TINYINT, c), (ps, i, v) -> ps.setByte(i, (Byte) v), (rs, i) -> nullable(rs, rs.getByte(i)));
        } else if (t == Boolean.class) {
            return new Simple(sized(Kind.BOOLEAN, c), (ps, i, v) -> ps.setBoolean(i, (Boolean) v),
                    (rs, i) -> nullable(rs, rs.getBoolean(i)), ColumnReads.BOOLEAN);
        } else if (t == Double.class) {
            return new Simple(sized(Kind.DOUBLE, c), (ps, i, v) -> ps.setDouble(i, (Double) v), (rs, i) -> nullable(rs, rs.getDouble(i)), ColumnReads.DOUBLE);
        } else if (t == Float.class) {
            return new Simple(sized(Kind.REAL, c), (ps, i, v) -> ps.setFloat(i, (Float) v), (rs, i) -> nullable(rs, rs.getFloat(i)), ColumnReads.FLOAT);
        } else if (t == BigDecimal.class) {
            int p = precision > 0 ? precision : 19;
            int s = scale >= 0 ? scale : 2;
            return new Simple(new SqlType(Kind.DECIMAL, 0, p, s, c), (ps, i, v) -> ps.setBigDecimal(i, (BigDecimal) v),
                    ResultSet::getBigDecimal, ColumnReads.BIGDECIMAL);
        } else if (t == BigInteger.class) {
            return new Simple(new SqlType(Kind.DECIMAL, 0, precision > 0 ? precision : 38, 0, c),
                    (ps, i, v) -> ps.setBigDecimal(i, new BigDecimal((BigInteger) v)),
                    (rs, i) -> {
                        BigDecimal d = rs.getBigDecimal(i);
                        return d == null ? null : d.toBigIntegerExact();
                    });
        } else if (t == Character.class) {
            return new Simple(sized(Kind.CHAR, c), (ps, i, v) -> ps.setString(i, v.toString()), (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : s.isEmpty() ? ' ' : s.charAt(0);
            });
        } else if (t == byte[].class) {
            return new Bytes(new Simple(new SqlType(Kind.BINARY, length, 0, 0, c), (ps, i, v) -> ps.setBytes(i, (byte[]) v),
                    ResultSet::getBytes));
        } else if (t == UUID.class) {
            if (dialect.bindsUuidNatively()) {
                return new Simple(sized(Kind.UUID, c), (ps, i, v) -> ps.setObject(i, v), (rs, i) -> rs.getObject(i, UUID.class));
            }
            return new Simple(sized(Kind.UUID, c), (ps, i, v) -> ps.setString(i, v.toString()), (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : UUID.fromString(s);
            });
        } else if (t == LocalDate.class) {
            return new Simple(sized(Kind.DATE, c), (ps, i, v) -> ps.setObject(i, v), (rs, i) -> rs.getObject(i, LocalDate.class), ColumnReads.LOCAL_DATE);
        } else if (t == LocalTime.class) {
            return new Simple(sized(Kind.TIME, c), (ps, i, v) -> ps.setObject(i, v), (rs, i) -> rs.getObject(i, LocalTime.class));
        } else if (t == LocalDateTime.class) {
            return new Simple(sized(Kind.TIMESTAMP, c), (ps, i, v) -> ps.setObject(i, v),
                    (rs, i) -> rs.getObject(i, LocalDateTime.class), ColumnReads.LOCAL_DATE_TIME);
        } else if (t == OffsetDateTime.class) {
            if (!dialect.hasTimestampWithTimeZone()) {
                return new Simple(sized(Kind.TIMESTAMP_TZ, c),
                        (ps, i, v) -> ps.setObject(i, ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()),
                        (rs, i) -> {
                            LocalDateTime l = rs.getObject(i, LocalDateTime.class);
                            return l == null ? null : l.atOffset(ZoneOffset.UTC);
                        });
            }
            return new Simple(sized(Kind.TIMESTAMP_TZ, c), (ps, i, v) -> ps.setObject(i, v),
                    (rs, i) -> rs.getObject(i, OffsetDateTime.class), ColumnReads.OFFSET_DATE_TIME);
        } else if (t == ZonedDateTime.class || t == OffsetTime.class) {
            return ZonedTimes.of(t, c, dialect);
        } else if (t == Instant.class) {
            if (!dialect.hasTimestampWithTimeZone()) {
                return new Simple(sized(Kind.TIMESTAMP_TZ, c),
                        (ps, i, v) -> ps.setObject(i, LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC)),
                        (rs, i) -> {
                            LocalDateTime l = rs.getObject(i, LocalDateTime.class);
                            return l == null ? null : l.toInstant(ZoneOffset.UTC);
                        });
            }
            return new Simple(sized(Kind.TIMESTAMP_TZ, c),
                    (ps, i, v) -> ps.setObject(i, OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC)),
                    (rs, i) -> {
                        OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
                        return o == null ? null : o.toInstant();
                    });
        } else if (t == Duration.class) {
            return new Simple(sized(Kind.BIGINT, c), (ps, i, v) -> ps.setLong(i, ((Duration) v).toNanos()), (rs, i) -> {
                long n = rs.getLong(i);
                return rs.wasNull() ? null : Duration.ofNanos(n);
            });
        }
        throw new IllegalArgumentException("Unsupported type " + type.getName());
    }

    /** A column type mapped by a registered {@link io.athanor.orm.types.ValueType}. */
    public static ColumnType registered(io.athanor.orm.types.ValueType<?> type, Dialect dialect) {
        return new RegisteredType(type, dialect);
    }

    // ---- arrays and JSON: each type its own class, chosen here from the field's generic type ----

    /** The Java types that map to array columns, for messages. */
    public static final String ARRAYS = "List<E> and E[] of String, Integer, Long, UUID or an enum; int[], long[]";

    /**
     * The array column type for a field of type {@code raw} with generic type {@code generic}, or {@code null} when the
     * field is not one {@link ArrayColumnType} maps.
     *
     * @throws IllegalArgumentException if the field is an array field but {@code dialect}'s database has no array
     *                                  columns; the message says what to do instead
     */
    public static ColumnType array(Class<?> raw, java.lang.reflect.Type generic, String custom, Dialect dialect) {
        Class<?> element = ArrayColumnType.elementOf(raw, generic);
        if (element == null) {
            return null;
        }
        ColumnType type = ArrayColumnType.of(raw, element, custom == null || custom.isEmpty() ? null : custom, dialect);
        if (type == null) {
            throw new IllegalArgumentException("is an array field, and " + StoredValues.displayName(dialect) + " has no array "
                    + "columns. Mark it @Json to store it as a JSON array, use @Convert with an AttributeConverter to a String, "
                    + "or map the elements as an entity of their own with @OneToMany.");
        }
        return type;
    }

    /**
     * The JSON column type of a {@code @Json} field of (generic) type {@code fieldType}.
     *
     * @param codec the factory's JSON codec, or {@code null} for Jackson's defaults
     * @param where the field, as messages name it
     * @throws IllegalStateException if no codec is given and Jackson is not on the class path; the message names the
     *                               dependency to add
     */
    public static ColumnType json(java.lang.reflect.Type fieldType, boolean binary, io.athanor.orm.types.JsonCodec codec,
                                  String custom, Dialect dialect, String where) {
        if (codec == null && !jacksonPresent()) {
            throw new IllegalStateException("is marked @Json, which is written and read by Jackson, and Jackson is not on the "
                    + "class path. Add the dependency com.fasterxml.jackson.core:jackson-databind (2.x), or give the factory "
                    + "a JsonCodec of your own (SessionFactoryBuilder.jsonCodec).");
        }
        return JsonColumnType.of(fieldType, binary, codec != null ? codec : io.athanor.orm.types.JacksonJson.defaults(),
                custom == null || custom.isEmpty() ? null : custom, dialect, where);
    }

    /** Whether Jackson (jackson-databind) can be loaded by orm-core. */
    public static boolean jacksonPresent() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, ColumnTypes.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * A column type that converts a field of {@code javaType} through {@code converter} to a column of
     * {@code database}'s type; mutable (copied into snapshots, compared by what it stores) unless {@code javaType}
     * is known never to change in place.
     */
    public static ColumnType converted(AttributeConverter<Object, Object> converter, ColumnType database, Class<?> javaType) {
        return javaType != null && ImmutableTypes.known(javaType) ? new Converted(converter, database)
                : new Converted.InPlace(converter, database);
    }

    static SqlType sized(Kind kind, String custom) {
        return new SqlType(kind, 0, 0, 0, custom);
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, int index, Object value) throws SQLException;
    }

    @FunctionalInterface
    interface Reader {
        Object read(ResultSet rs, int index) throws SQLException;
    }

    /** A type bound by one binder and read by one reader; nulls handled here. */
    static final class Simple implements ColumnType {
        private final SqlType sqlType;
        private final Binder binder;
        private final Reader reader;
        private final int nullType;
        private final Class<?> primitive;

        /** How {@link ColumnReads} reads the column without the reader lambda; {@link ColumnReads#OTHER} if it cannot. */
        private final int read;

        Simple(SqlType sqlType, Binder binder, Reader reader) {
            this(sqlType, binder, reader, jdbcType(sqlType.kind()), ColumnReads.OTHER);
        }

        Simple(SqlType sqlType, Binder binder, Reader reader, int read) {
            this(sqlType, binder, reader, jdbcType(sqlType.kind()), read);
        }

        Simple(SqlType sqlType, Binder binder, Reader reader, int nullType, int read) {
            this(sqlType, binder, reader, nullType, read, null);
        }

        Simple(SqlType sqlType, Binder binder, Reader reader, int nullType, int read, Class<?> primitive) {
            this.sqlType = sqlType;
            this.binder = binder;
            this.reader = reader;
            this.nullType = nullType;
            this.read = read;
            this.primitive = primitive;
        }

        @Override
        public Class<?> primitive() {
            return primitive;
        }

        int readCode() {
            return read;
        }

        @Override
        public SqlType sqlType() {
            return sqlType;
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, nullType);
            } else {
                binder.bind(ps, index, value);
            }
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return reader.read(rs, index);
        }
    }

    /**
     * {@code byte[]}: a value that can change in place, so a snapshot keeps a copy and a flush sees a byte set in the
     * array the field holds (compared by content, {@link io.athanor.orm.internal.state.Values#same}).
     */
    static final class Bytes implements ColumnType {
        private final Simple simple;

        Bytes(Simple simple) {
            this.simple = simple;
        }

        @Override
        public SqlType sqlType() {
            return simple.sqlType();
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            simple.bind(ps, index, value);
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return simple.read(rs, index);
        }

        @Override
        public Object snapshot(Object value) {
            return value == null ? null : ((byte[]) value).clone();
        }

        @Override
        public boolean mutable() {
            return true;
        }
    }

    static int jdbcType(Kind kind) {
        switch (kind) {
            case BOOLEAN:
                return Types.BOOLEAN;
            case TINYINT:
                return Types.TINYINT;
            case SMALLINT:
                return Types.SMALLINT;
            case INTEGER:
                return Types.INTEGER;
            case BIGINT:
                return Types.BIGINT;
            case REAL:
                return Types.REAL;
            case DOUBLE:
                return Types.DOUBLE;
            case DECIMAL:
                return Types.NUMERIC;
            case VARCHAR:
                return Types.VARCHAR;
            case CHAR:
                return Types.CHAR;
            case BINARY:
                return Types.VARBINARY;
            case DATE:
                return Types.DATE;
            case TIME:
                return Types.TIME;
            case TIMESTAMP:
                return Types.TIMESTAMP;
            case TIMESTAMP_TZ:
                return Types.TIMESTAMP_WITH_TIMEZONE;
            case TIME_TZ:
                return Types.TIME_WITH_TIMEZONE;
            case UUID:
            default:
                return Types.OTHER;
        }
    }
}

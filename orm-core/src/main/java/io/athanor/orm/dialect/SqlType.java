package io.athanor.orm.dialect;

/**
 * A column's type, independent of the database: a kind plus length, precision and scale where the kind
 * takes them. A {@link Dialect} turns it into the database's type name. Immutable.
 *
 * @param kind      the kind of value
 * @param length    for text and binary: the maximum length (0: the dialect's default)
 * @param precision for decimals: total digits
 * @param scale     for decimals: digits after the point
 * @param custom    a type written as-is in DDL ({@code @Column(sqlType = "jsonb")}), or {@code null}
 */
public record SqlType(Kind kind, int length, int precision, int scale, String custom) {

    /** The kinds of column values Athanor maps. */
    public enum Kind {
        /** true/false. */
        BOOLEAN,
        /** 8-bit integer (stored as the smallest integer type the database has). */
        TINYINT,
        /** 16-bit integer. */
        SMALLINT,
        /** 32-bit integer. */
        INTEGER,
        /** 64-bit integer. */
        BIGINT,
        /** 32-bit floating point. */
        REAL,
        /** 64-bit floating point. */
        DOUBLE,
        /** Exact decimal with precision and scale. */
        DECIMAL,
        /** Variable-length text up to {@code length} characters. */
        VARCHAR,
        /** One character. */
        CHAR,
        /** Binary data. */
        BINARY,
        /** A UUID (native where the database has the type). */
        UUID,
        /** A calendar date. */
        DATE,
        /** A time of day. */
        TIME,
        /** A date and time without zone. */
        TIMESTAMP,
        /** An instant (timestamp with time zone; UTC where the database has no such type). */
        TIMESTAMP_TZ,
        /** A time of day with a UTC offset (in UTC where the database has no such type). */
        TIME_TZ
    }

    /** A type with no size parameters. */
    public static SqlType of(Kind kind) {
        return new SqlType(kind, 0, 0, 0, null);
    }
}

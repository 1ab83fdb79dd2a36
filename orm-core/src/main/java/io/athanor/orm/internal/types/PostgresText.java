package io.athanor.orm.internal.types;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Values in PostgreSQL's text input form, for the paths that send text rather than bound values (COPY,
 * array elements), written as the driver writes bound values: years before 1 as {@code BC}, years past 9999
 * without a sign, fractions rounded to microseconds as the driver rounds them, {@code MIN} and {@code MAX}
 * of dates and timestamps as {@code -infinity} and {@code infinity}. Values must have passed
 * {@link StoredValues} first.
 */
public final class PostgresText {
    /** The last time of day the driver does not send as {@code 24:00:00}. */
    private static final LocalTime LAST_TIME = LocalTime.of(23, 59, 59, 999_999_499);

    private PostgresText() {
    }

    /**
     * The text form of a database-side value (after any converter): numbers, booleans, UUIDs, strings as
     * themselves; {@code byte[]} as {@code \x} hex; a {@link Duration} as its nanoseconds, as it is stored;
     * dates and times as above; an {@code Object[]} as an array literal of its elements.
     *
     * @throws IllegalArgumentException for a value of a type with no text form here
     */
    public static String of(Object v) {
        if (v instanceof String) {
            return (String) v;
        } else if (v instanceof Number || v instanceof java.util.UUID || v instanceof Character) {
            return v.toString();
        } else if (v instanceof Boolean) {
            return (Boolean) v ? "t" : "f";
        } else if (v instanceof LocalDateTime) {
            return timestamp((LocalDateTime) v);
        } else if (v instanceof LocalDate) {
            return date((LocalDate) v);
        } else if (v instanceof OffsetDateTime) {
            OffsetDateTime o = (OffsetDateTime) v;
            if (o.equals(OffsetDateTime.MIN) || o.equals(OffsetDateTime.MAX)) {
                return o.equals(OffsetDateTime.MIN) ? "-infinity" : "infinity";
            }
            return utc(o.toInstant());
        } else if (v instanceof Instant) {
            return utc((Instant) v);
        } else if (v instanceof java.time.ZonedDateTime) {
            return utc(((java.time.ZonedDateTime) v).toInstant());
        } else if (v instanceof java.time.OffsetTime) {
            java.time.OffsetTime o = (java.time.OffsetTime) v;
            return clock(o.toLocalTime().truncatedTo(ChronoUnit.MICROS)) + o.getOffset().getId().replace("Z", "+00:00");
        } else if (v instanceof LocalTime) {
            return time((LocalTime) v);
        } else if (v instanceof Duration) {
            return Long.toString(((Duration) v).toNanos());
        } else if (v instanceof byte[]) {
            return "\\x" + HexFormat.of().formatHex((byte[]) v);
        } else if (v instanceof Enum) {
            return ((Enum<?>) v).name();
        } else if (v instanceof Object[]) {
            return array((Object[]) v);
        }
        throw new IllegalArgumentException("No PostgreSQL text form for a " + v.getClass().getName());
    }

    /** An array literal: {@code {"a","b\\"c",NULL}}, each element quoted (its quotes and backslashes escaped) or NULL. */
    private static String array(Object[] elements) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < elements.length; i++) {
            out.append(i > 0 ? "," : "");
            if (elements[i] == null) {
                out.append("NULL");
            } else {
                out.append('"').append(of(elements[i]).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }

    private static String utc(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        LocalDateTime rounded = rounded(t);
        return dateText(rounded.toLocalDate(), false) + " " + clock(rounded.toLocalTime()) + "+00" + era(rounded.toLocalDate());
    }

    private static String timestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MIN) || t.equals(LocalDateTime.MAX)) {
            return t.equals(LocalDateTime.MIN) ? "-infinity" : "infinity";
        }
        LocalDateTime rounded = rounded(t);
        return dateText(rounded.toLocalDate(), false) + " " + clock(rounded.toLocalTime()) + era(rounded.toLocalDate());
    }

    private static String date(LocalDate d) {
        if (d.equals(LocalDate.MIN) || d.equals(LocalDate.MAX)) {
            return d.equals(LocalDate.MIN) ? "-infinity" : "infinity";
        }
        return dateText(d, true);
    }

    private static String time(LocalTime t) {
        return t.isAfter(LAST_TIME) ? "24:00:00" : clock(t.getNano() % 1000 > 499 ? t.plus(1, ChronoUnit.MICROS) : t);
    }

    /** Rounded to microseconds half up, as the driver rounds a bound value. */
    private static LocalDateTime rounded(LocalDateTime t) {
        return (t.getNano() % 1000 > 499 ? t.plus(1, ChronoUnit.MICROS) : t).truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code 2024-05-01}, {@code 294276-12-31}, {@code 0001-01-01} (with {@code BC} when {@code withEra}). */
    private static String dateText(LocalDate d, boolean withEra) {
        int year = d.getYear() > 0 ? d.getYear() : 1 - d.getYear();
        StringBuilder out = new StringBuilder(14);
        pad(out, year, 4).append('-');
        pad(out, d.getMonthValue(), 2).append('-');
        pad(out, d.getDayOfMonth(), 2);
        return withEra ? out.append(era(d)).toString() : out.toString();
    }

    private static String era(LocalDate d) {
        return d.getYear() > 0 ? "" : " BC";
    }

    /** {@code HH:mm:ss} and, when there is one, the fraction to microseconds. */
    private static String clock(LocalTime t) {
        StringBuilder out = new StringBuilder(15);
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            pad(out.append('.'), micros, 6);
        }
        return out.toString();
    }

    /** {@code value} (not negative) in at least {@code width} digits, zeros in front. */
    private static StringBuilder pad(StringBuilder out, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; digits++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        return out.append(value);
    }
}

package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.error.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Finds, before any SQL is sent, the values a database would not store as given: strings with an
 * unpaired surrogate (every database; PostgreSQL and MariaDB would keep {@code ?}), NUL in text where the
 * database refuses it, dates and timestamps outside its range (PostgreSQL would turn an early one into
 * {@code -infinity}, MariaDB would move it into year 1 or beyond). Messages name the field or parameter,
 * never the value. Values a converter produces are the database's to check.
 */
public final class StoredValues {
    private StoredValues() {
    }

    /**
     * Refuses {@code value} if {@code dialect}'s database would not store it as given.
     *
     * @param what the field or parameter, as the message names it ({@code Note.body}, {@code Parameter :name})
     * @throws InvalidValueException naming {@code what}, the reason and the fix
     */
    public static void check(Dialect dialect, Object value, String what) {
        String why = refusal(dialect, value);
        if (why != null) {
            throw new InvalidValueException(what + " " + why);
        }
    }

    /** {@link #check} for each named parameter of a {@code text()} statement, and each element of a collection. */
    public static void checkParameters(Dialect dialect, Map<String, ?> params) {
        if (params == null) {
            return;
        }
        for (Map.Entry<String, ?> p : params.entrySet()) {
            if (p.getValue() instanceof Collection) {
                for (Object element : (Collection<?>) p.getValue()) {
                    check(dialect, element, "Parameter :" + p.getKey());
                }
            } else {
                check(dialect, p.getValue(), "Parameter :" + p.getKey());
            }
        }
    }

    /** Why {@code dialect}'s database would not store {@code value} as given (to follow its name), or {@code null}. */
    public static String refusal(Dialect dialect, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String) {
            return textRefusal(dialect, (String) value);
        }
        if (value instanceof Character) {
            return textRefusal(dialect, value.toString());
        }
        if (value instanceof String[]) {
            return elementRefusal(dialect, java.util.Arrays.asList((String[]) value));
        }
        if (value instanceof java.util.List) {
            return elementRefusal(dialect, (java.util.List<?>) value);
        }
        if (value instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) value;
            if (dialect.hasInfinity() && (t.equals(LocalDateTime.MIN) || t.equals(LocalDateTime.MAX))) {
                return null;
            }
            return t.isBefore(dialect.minTimestamp()) || t.isAfter(dialect.maxTimestamp())
                    ? outOfRange(dialect, "LocalDateTime", true, "LocalDateTime") : null;
        }
        if (value instanceof LocalDate) {
            LocalDate d = (LocalDate) value;
            if (dialect.hasInfinity() && (d.equals(LocalDate.MIN) || d.equals(LocalDate.MAX))) {
                return null;
            }
            return d.isBefore(dialect.minDate()) || d.isAfter(dialect.maxDate()) ? outOfRange(dialect, "LocalDate", false, "LocalDate") : null;
        }
        if (value instanceof OffsetDateTime) {
            OffsetDateTime t = (OffsetDateTime) value;
            if (dialect.hasInfinity() && (t.equals(OffsetDateTime.MIN) || t.equals(OffsetDateTime.MAX))) {
                return null;
            }
            return instantRefusal(dialect, t.toInstant(), "OffsetDateTime", "OffsetDateTime");
        }
        if (value instanceof Instant) {
            return instantRefusal(dialect, (Instant) value, "Instant", null);
        }
        if (value instanceof ZonedDateTime) {
            return instantRefusal(dialect, ((ZonedDateTime) value).toInstant(), "ZonedDateTime", null);
        }
        return null;
    }

    /** The refusal of the first String element of an array field's value that has one. */
    private static String elementRefusal(Dialect dialect, Collection<?> elements) {
        int i = 0;
        for (Object element : elements) {
            String why = element instanceof String ? textRefusal(dialect, (String) element) : null;
            if (why != null) {
                return "has an element (at index " + i + ") that " + why;
            }
            i++;
        }
        return null;
    }

    private static String instantRefusal(Dialect dialect, Instant t, String type, String sentinels) {
        return t.isBefore(dialect.minInstant()) || t.isAfter(dialect.maxInstant()) ? outOfRange(dialect, type + " (in UTC)", true, sentinels) : null;
    }

    private static String textRefusal(Dialect dialect, String s) {
        boolean nul = !dialect.storesNulInText();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0' && nul) {
                return "holds the character NUL (U+0000) at index " + i + ", which " + displayName(dialect) + " text cannot "
                        + "store. Remove it, or map the field as byte[] if the bytes matter.";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds an unpaired UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at index "
                        + i + ", which is not a Unicode character: the database would store '?' in its place. Fix the string "
                        + "where it was made (a substring that cuts a surrogate pair, bytes decoded with the wrong charset).";
            }
        }
        return null;
    }

    /** @param sentinels the type whose MIN and MAX stand for -infinity and infinity, or null */
    private static String outOfRange(Dialect dialect, String type, boolean timestamp, String sentinels) {
        String range = timestamp ? day(dialect.minTimestamp().toLocalDate()) + " to " + day(dialect.maxTimestamp().toLocalDate())
                : day(dialect.minDate()) + " to " + day(dialect.maxDate());
        String what = timestamp ? "timestamps" : "dates";
        String infinity = dialect.hasInfinity() && sentinels != null
                ? " To store -infinity or infinity, use " + sentinels + ".MIN or " + sentinels + ".MAX." : "";
        return "is a " + type + " outside the range of " + displayName(dialect) + " " + what + " (" + range + "), so it "
                + "cannot be stored as it is." + infinity;
    }

    /** {@code 4713-01-01 BC}, {@code 294276-12-31}. */
    private static String day(LocalDate d) {
        String monthDay = String.format(Locale.ROOT, "-%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
        return d.getYear() > 0 ? String.format(Locale.ROOT, "%04d", d.getYear()) + monthDay
                : String.format(Locale.ROOT, "%04d", 1 - d.getYear()) + monthDay + " BC";
    }

    /** The database's name as people write it: PostgreSQL, MariaDB, H2. */
    public static String displayName(Dialect dialect) {
        switch (dialect.name()) {
            case "postgresql":
                return "PostgreSQL";
            case "mariadb":
                return "MariaDB";
            case "h2":
                return "H2";
            default:
                return dialect.name();
        }
    }
}

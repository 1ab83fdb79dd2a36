package io.athanor.orm.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * The Java types whose values cannot change once made, so a snapshot may hold the value itself: primitives and
 * their boxes, {@code String}, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, enums, the value classes of
 * {@code java.time} ({@code Instant}, {@code LocalDate}, {@code ZonedDateTime}, {@code Duration}, ...), {@code URI},
 * {@code Currency}, {@code Locale}, and records whose components are all such types. Arrays never are. Stateless.
 */
public final class ImmutableTypes {
    private static final Set<Class<?>> KNOWN = Set.of(String.class, Boolean.class, Character.class, Byte.class, Short.class,
            Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class, java.util.UUID.class,
            java.net.URI.class, java.util.Currency.class, java.util.Locale.class,
            java.time.Instant.class, java.time.LocalDate.class, java.time.LocalTime.class, java.time.LocalDateTime.class,
            java.time.OffsetTime.class, java.time.OffsetDateTime.class, java.time.ZonedDateTime.class,
            java.time.Duration.class, java.time.Period.class, java.time.Year.class, java.time.YearMonth.class,
            java.time.MonthDay.class, java.time.ZoneId.class, java.time.ZoneOffset.class);

    private ImmutableTypes() {
    }

    /** Whether values of {@code type} are known never to change in place. */
    public static boolean known(Class<?> type) {
        return known(type, new HashSet<>());
    }

    private static boolean known(Class<?> type, Set<Class<?>> seen) {
        if (type.isPrimitive() || type.isEnum() || KNOWN.contains(type)) {
            return true;
        }
        if (!type.isRecord()) {
            return false; // arrays, collections, Date, classes of the application: may change in place
        }
        if (!seen.add(type)) {
            return true; // a record met again inside itself: its first visit decides
        }
        for (var c : type.getRecordComponents()) {
            if (!known(c.getType(), seen)) {
                return false;
            }
        }
        return true;
    }
}

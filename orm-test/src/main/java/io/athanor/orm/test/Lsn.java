package io.athanor.orm.test;

import java.util.Objects;

/**
 * A position in PostgreSQL's write-ahead log (a {@code pg_lsn}, written {@code 16/B374D848}), as
 * {@link ReplicatedPostgres#primaryLsn()} and {@link ReplicatedPostgres#replayLsn()} return it. Positions
 * compare in log order. Immutable and thread-safe.
 *
 * @param value the position as an unsigned 64-bit number (the high 32 bits before the slash, the low after)
 */
public record Lsn(long value) implements Comparable<Lsn> {

    /**
     * Reads a position in PostgreSQL's text form, {@code X/Y} with both parts hexadecimal.
     *
     * @throws IllegalArgumentException if {@code text} is not of that form
     */
    public static Lsn parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        try {
            if (slash > 0 && slash < text.length() - 1 && slash <= 8 && text.length() - slash - 1 <= 8) {
                long high = Long.parseLong(text.substring(0, slash), 16);
                long low = Long.parseLong(text.substring(slash + 1), 16);
                return new Lsn(high << 32 | low);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("Not a WAL position: '" + text + "'; PostgreSQL writes them as two hexadecimal "
                + "numbers of up to 8 digits separated by a slash, e.g. 0/3000148 (what pg_current_wal_lsn() returns).");
    }

    /** Whether this position is at or after {@code other}. */
    public boolean isAtOrAfter(Lsn other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** PostgreSQL's text form, e.g. {@code 0/3000148}. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}

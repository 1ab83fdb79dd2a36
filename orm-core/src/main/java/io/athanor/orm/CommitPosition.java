package io.athanor.orm;

import java.util.Locale;

/**
 * Where a commit left the primary's write-ahead log (PostgreSQL's LSN, {@code 0/3000060}): a replica that
 * has replayed up to here sees the commit. {@link Session#commitPosition()} gives it after a commit; a
 * read-only session opened with {@link SessionOptions#after(CommitPosition)} reads from a replica only once
 * that replica has caught up, and from the primary otherwise, so that a user reads what they just wrote.
 *
 * <p>It travels as text ({@link #toString()}, {@link #parse(String)}), for example in a cookie or a
 * request header between the request that wrote and the next one. Immutable and thread-safe; ordered by
 * position.
 *
 * @param lsn the log position as one number (the high 32 bits before the slash, the low 32 after)
 */
public record CommitPosition(long lsn) implements Comparable<CommitPosition> {

    /**
     * Reads PostgreSQL's text form, {@code X/Y} in hexadecimal.
     *
     * @throws IllegalArgumentException if {@code text} is not of that form
     */
    public static CommitPosition parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("Not a commit position: '" + text + "'. It looks like 0/3000060: two "
                    + "hexadecimal numbers separated by a slash, as CommitPosition.toString() and pg_current_wal_lsn() write it.");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (high > 0xFFFFFFFFL || low > 0xFFFFFFFFL || high < 0 || low < 0) {
                throw new NumberFormatException();
            }
            return new CommitPosition(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a commit position: '" + text + "'. Each side of the slash is a "
                    + "hexadecimal number of at most 8 digits, as in 0/3000060.", e);
        }
    }

    /** Whether a replica that has replayed up to here sees the commit at {@code other}. */
    public boolean reaches(CommitPosition other) {
        return Long.compareUnsigned(lsn, other.lsn) >= 0;
    }

    @Override
    public int compareTo(CommitPosition other) {
        return Long.compareUnsigned(lsn, other.lsn);
    }

    /** PostgreSQL's text form, {@code X/Y} in upper-case hexadecimal. */
    @Override
    public String toString() {
        return Long.toHexString(lsn >>> 32).toUpperCase(Locale.ROOT) + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase(Locale.ROOT);
    }
}

package io.athanor.orm.engine.internal;

import java.util.Locale;

/**
 * Keeps what goes into messages and logs readable: long texts are cut in the middle and long runs of
 * {@code ?} placeholders (an {@code IN} list of thousands) are shortened, each saying how much was left out.
 */
final class MessageText {
    /** The most of a driver's message shown. */
    static final int MAX_DRIVER_TEXT = 2_000;
    /** The most of a statement's SQL shown, after runs of placeholders are shortened. */
    static final int MAX_SQL = 10_000;
    /** Runs of more placeholders than this are shortened to their first {@link #PLACEHOLDERS_KEPT}. */
    private static final int PLACEHOLDER_RUN = 10;
    private static final int PLACEHOLDERS_KEPT = 3;

    private MessageText() {
    }

    /** {@code text}, or its start and end around a note of how many characters were left out. */
    static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int tail = max / 3;
        int head = max - tail;
        return text.substring(0, head) + " … (" + count(text.length() - head - tail) + " more characters) … "
                + text.substring(text.length() - tail);
    }

    /** A statement's SQL for a message or a log line: runs of placeholders shortened, then capped. */
    static String sql(String sql) {
        if (sql == null) {
            return null;
        }
        return cap(shortenPlaceholderRuns(sql), MAX_SQL);
    }

    /** {@code n} with thousands separated by commas. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String shortenPlaceholderRuns(String sql) {
        if (sql.length() < PLACEHOLDER_RUN * 2) {
            return sql;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = sql.indexOf('?');
        while (i >= 0) {
            int run = 1;
            int keptEnd = i + 1;
            int end = i + 1;
            while (true) {
                int next = nextPlaceholderInList(sql, end);
                if (next < 0) {
                    break;
                }
                run++;
                end = next + 1;
                if (run == PLACEHOLDERS_KEPT) {
                    keptEnd = end;
                }
            }
            if (run > PLACEHOLDER_RUN) {
                if (out == null) {
                    out = new StringBuilder(sql.length() / 4);
                }
                out.append(sql, copied, keptEnd).append(", … (").append(count(run - PLACEHOLDERS_KEPT)).append(" more placeholders)");
                copied = end;
            }
            i = sql.indexOf('?', end);
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }

    /** The position of the {@code ?} after {@code from} when only a comma and spaces come between, else -1. */
    private static int nextPlaceholderInList(String sql, int from) {
        int p = skipSpaces(sql, from);
        if (p >= sql.length() || sql.charAt(p) != ',') {
            return -1;
        }
        p = skipSpaces(sql, p + 1);
        return p < sql.length() && sql.charAt(p) == '?' ? p : -1;
    }

    private static int skipSpaces(String s, int p) {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }
}

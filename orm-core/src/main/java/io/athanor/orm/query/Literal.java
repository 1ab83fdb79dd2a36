package io.athanor.orm.query;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A value written into SQL text rather than bound, for the one place that needs it: an expression grouped on
 * and repeated elsewhere in the statement (a window's PARTITION BY), which PostgreSQL only recognises when both
 * copies are the same text (see {@link SelectedRefs}). Only values whose SQL spelling is unambiguous on every
 * setting are written: integers, decimals, booleans, and strings of at most {@value #MAX_TEXT} characters without
 * NUL or unpaired surrogates, quoted with {@code '} doubled. In a plain {@code '...'} string a backslash means what
 * the server's settings say ({@code standard_conforming_strings}, MariaDB's {@code NO_BACKSLASH_ESCAPES}), so a
 * string holding one is written as PostgreSQL's escape string {@code E'...'} (backslash doubled, whose meaning no
 * setting changes) on PostgreSQL, and stays a bind parameter elsewhere. Values typed by a mapped field (converters,
 * enums) always stay bind parameters.
 */
final class Literal {
    static final int MAX_TEXT = 100;

    private Literal() {
    }

    /** The SQL text of {@code value}, or {@code null} when it must stay a bind parameter. */
    static String of(Object value, Expression<?> typeHint, io.athanor.orm.dialect.Dialect dialect) {
        if (typeHint instanceof Attribute || value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof BigInteger) {
            String s = value.toString();
            return s.startsWith("-") ? "(" + s + ")" : s;
        }
        if (value instanceof BigDecimal) {
            String s = ((BigDecimal) value).toPlainString();
            return s.startsWith("-") ? "(" + s + ")" : s;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "TRUE" : "FALSE";
        }
        if (value instanceof String) {
            String s = (String) value;
            if (s.length() > MAX_TEXT) {
                return null;
            }
            boolean backslash = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                if (c == 0 || Character.isSurrogate(c)) {
                    return null;
                }
                backslash |= c == '\\';
            }
            if (!backslash) {
                return "'" + s.replace("'", "''") + "'";
            }
            return dialect instanceof io.athanor.orm.dialect.PostgresDialect
                    ? "E'" + s.replace("\\", "\\\\").replace("'", "''") + "'" : null;
        }
        return null;
    }
}

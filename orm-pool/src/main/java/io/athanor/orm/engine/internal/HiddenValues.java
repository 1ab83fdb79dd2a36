package io.athanor.orm.engine.internal;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes parameter values out of what a database and its driver say about a failed statement, for an
 * engine that hides parameters. Two nets: the values the engine sent, wherever they appear (whole, or cut
 * short as databases cut long ones); and whatever a database quotes where its messages quote values
 * (after a colon, after "value", "entry", "converting"), which also covers statements whose values the
 * engine never saw, such as a COPY. Numbers of one or two digits are hidden only where quoted: standing
 * alone they cannot be told from the database's own figures. Exceptions are copied with their messages
 * cleaned, since the driver's own exception keeps the values in its message.
 */
final class HiddenValues {
    /** What a value is replaced with. */
    static final String MARK = "***";
    /** A prefix this long of a longer value counts as the value, cut short by the database. */
    private static final int PREFIX = 16;
    /** Texts times values beyond this are cleaned of the failed row's values first, then cut, then of the rest. */
    private static final long WORK_BUDGET = 50_000_000L;
    /** The most values looked for (a batch's rows beyond them are not). */
    private static final int MAX_FORMS = 200_000;
    /** How deep cause and next-exception chains are copied. */
    private static final int MAX_DEPTH = 10;
    /** A quoted text where databases quote values; a quote inside is doubled, as H2 writes it. */
    private static final Pattern QUOTED =
            Pattern.compile("(: |[Vv]alue |entry |converting |\\*/ )(\"(?:[^\"]++|\"\")*+\"|'(?:[^']++|'')*+')");
    /** Numbers this short are left to the quoted net: whole, they would hide row numbers, scales and positions. */
    private static final int SHORTEST_BARE_NUMBER = 3;

    /** The failed statement's (or row's) values as text, longest first. */
    private final List<String> primary;
    /** Those and the other rows' of a batch, longest first. */
    private final List<String> all;

    private HiddenValues(List<String> primary, List<String> all) {
        this.primary = primary;
        this.all = all;
    }

    /**
     * The values to hide: {@code params}, those of the statement or the batch row that failed, and
     * {@code rows}, every row of a batch (empty for a single statement).
     */
    static HiddenValues of(List<Object> params, List<List<Object>> rows) {
        Set<String> first = new LinkedHashSet<>();
        for (Object v : params) {
            addForms(v, first, 0);
        }
        Set<String> every = new LinkedHashSet<>(first);
        for (List<Object> row : rows) {
            for (Object v : row) {
                if (every.size() >= MAX_FORMS) {
                    break;
                }
                addForms(v, every, 0);
            }
        }
        return new HiddenValues(longestFirst(first), longestFirst(every));
    }

    private static List<String> longestFirst(Set<String> forms) {
        List<String> list = new ArrayList<>(forms);
        list.sort(Comparator.comparingInt(String::length).reversed());
        return list;
    }

    /** The ways a database may write {@code v} in a message. */
    private static void addForms(Object v, Set<String> out, int depth) {
        if (v == null || v instanceof Boolean) {
            return;
        }
        if (v instanceof byte[]) {
            if (((byte[]) v).length > 0) {
                out.add(HexFormat.of().formatHex((byte[]) v));
            }
            return;
        }
        if (depth < 2 && v instanceof Object[]) {
            for (Object element : (Object[]) v) {
                addForms(element, out, depth + 1);
            }
            return;
        }
        if (depth < 2 && v instanceof Collection) {
            for (Object element : (Collection<?>) v) {
                addForms(element, out, depth + 1);
            }
            return;
        }
        String text = v.toString();
        if (text.isEmpty() || text.length() < SHORTEST_BARE_NUMBER && text.chars().allMatch(Character::isDigit)) {
            return;
        }
        out.add(text);
        if (v instanceof BigDecimal) {
            out.add(((BigDecimal) v).toPlainString());
            out.add(((BigDecimal) v).stripTrailingZeros().toPlainString());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                out.add(BigDecimal.valueOf(d).toPlainString());
                out.add(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            }
        } else if (v instanceof TemporalAccessor) {
            out.add(text.replace('T', ' '));
        }
    }

    /** {@code text} with every value in it replaced by {@link #MARK}; {@code null} stays {@code null}. */
    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if ((long) out.length() * all.size() > WORK_BUDGET) {
            out = MessageText.cap(replace(out, primary), MessageText.MAX_DRIVER_TEXT);
        }
        out = replace(out, all);
        Matcher m = QUOTED.matcher(out);
        if (!m.find()) {
            return out;
        }
        StringBuilder b = new StringBuilder(out.length());
        do {
            char quote = m.group(2).charAt(0);
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + quote + MARK + quote));
        } while (m.find());
        return m.appendTail(b).toString();
    }

    private static String replace(String text, List<String> forms) {
        String out = text;
        for (String form : forms) {
            out = replace(out, form);
        }
        return out;
    }

    /**
     * Replaces {@code form} where it stands as a whole (not inside a longer word or number), and a prefix of
     * it of at least {@link #PREFIX} characters, which is how databases quote a long value cut short.
     */
    private static String replace(String text, String form) {
        String key = form.length() > PREFIX ? form.substring(0, PREFIX) : form;
        int i = text.indexOf(key);
        if (i < 0) {
            return text;
        }
        StringBuilder b = null;
        int copied = 0;
        while (i >= 0) {
            int len = key.length();
            while (len < form.length() && i + len < text.length() && text.charAt(i + len) == form.charAt(len)) {
                len++;
            }
            boolean startsAlone = !(isWordChar(form.charAt(0)) && i > 0 && isWordChar(text.charAt(i - 1)));
            boolean endsAlone = len < form.length() || !(isWordChar(form.charAt(len - 1)) && i + len < text.length()
                    && isWordChar(text.charAt(i + len)));
            if (startsAlone && endsAlone) {
                if (b == null) {
                    b = new StringBuilder(text.length());
                }
                b.append(text, copied, i).append(MARK);
                copied = i + len;
                i = text.indexOf(key, copied);
            } else {
                i = text.indexOf(key, i + 1);
            }
        }
        return b == null ? text : b.append(text, copied, text.length()).toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /**
     * A copy of a driver's exception and its causes and chained exceptions, with the same types where JDBC
     * has them, the same SQLState, vendor code and stack traces, and messages cleaned and cut.
     */
    SQLException copy(SQLException e) {
        return copy(e, 0);
    }

    private SQLException copy(SQLException e, int depth) {
        String message = cleanAndCut(e.getMessage());
        SQLException copy = e instanceof BatchUpdateException
                ? new BatchUpdateException(message, e.getSQLState(), e.getErrorCode(), ((BatchUpdateException) e).getUpdateCounts())
                : new SQLException(message, e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        Throwable cause = e.getCause();
        if (cause != null && cause != e && depth < MAX_DEPTH) {
            copy.initCause(cause instanceof SQLException ? copy((SQLException) cause, depth + 1) : copyOther(cause, depth + 1));
        }
        SQLException next = e.getNextException();
        if (next != null && next != e && depth < MAX_DEPTH) {
            copy.setNextException(copy(next, depth + 1));
        }
        return copy;
    }

    private Throwable copyOther(Throwable t, int depth) {
        if (t instanceof SQLException) {
            return copy((SQLException) t, depth);
        }
        Cause copy = new Cause(t.getClass().getName(), cleanAndCut(t.getMessage()));
        copy.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && cause != t && depth < MAX_DEPTH) {
            copy.initCause(copyOther(cause, depth + 1));
        }
        return copy;
    }

    private String cleanAndCut(String message) {
        return message == null ? null : MessageText.cap(clean(message), MessageText.MAX_DRIVER_TEXT);
    }

    /** A copied cause that is not an {@link SQLException}: its message cleaned, its original class named. */
    static final class Cause extends Exception {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        Cause(String originalClass, String message) {
            super(message);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return originalClass + (message == null ? "" : ": " + message);
        }
    }
}

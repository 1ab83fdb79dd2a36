package io.athanor.orm.engine;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.error.InvalidValueException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A raw SQL statement with named parameters ({@code :name}), parsed once. Values are always sent as
 * bind parameters, never spliced into the SQL text, so a value cannot change what the statement does.
 *
 * <pre>{@code
 * Text byName = Text.text("select id, name from users where name = :name and status in (:statuses)");
 * Result rows = connection.execute(byName, Params.of("name", "ada", "statuses", List.of("new", "active")));
 * }</pre>
 *
 * <p>Parsing rules: {@code :name} is a parameter ({@code name} is letters, digits and underscores, not
 * starting with a digit); the same name may appear several times. Text inside quotes
 * ({@code '...'}, {@code "..."}, {@code `...`}), escape strings ({@code E'it\'s'}), dollar quotes
 * ({@code $$...$$}, {@code $tag$...$tag$}) and comments ({@code --} to the end of the line, nested
 * {@code /* *}{@code /}) is left alone. Strings are read as standard SQL: inside {@code '...'} a backslash
 * is an ordinary character and {@code ''} is a quote; only in {@code E'...'} does a backslash escape the
 * next character. (MariaDB lets a backslash escape a quote in any string: write {@code ''} there.)
 * {@code ::} (a PostgreSQL cast) stays as it is, and {@code \:} writes a literal colon.
 * A bare {@code ?} is refused: positional parameters are not allowed here ({@code ??} passes through,
 * as the PostgreSQL driver's escape for a literal {@code ?} operator).
 *
 * <p>A {@link Collection} value expands to one parameter per element, for {@code IN (:ids)}; an empty
 * collection is refused because {@code IN ()} is not valid SQL.
 *
 * <p>Values bind by their Java class ({@code java.time} values as such, a {@code ZonedDateTime} as its
 * {@code OffsetDateTime}, enums by name). Two kinds are refused by {@link #bind} with an
 * {@link InvalidValueException} naming the parameter: a string with an unpaired UTF-16 surrogate (no
 * database stores it; they would keep {@code ?} instead) and an {@code Optional}.
 *
 * <p>Immutable and thread-safe: parse a statement once and keep it in a constant.
 */
public final class Text {
    private static final Object[] NO_VALUES = {};

    private final String source;
    private final String[] fragments;
    private final String[] slots;
    private final String positionalSql;
    private final List<String> names;

    private Text(String source, String[] fragments, String[] slots) {
        this.source = source;
        this.fragments = fragments;
        this.slots = slots;
        StringBuilder sql = new StringBuilder(source.length());
        for (int i = 0; i < slots.length; i++) {
            sql.append(fragments[i]).append('?');
        }
        sql.append(fragments[slots.length]);
        this.positionalSql = sql.toString();
        Set<String> distinct = new LinkedHashSet<>(List.of(slots));
        this.names = List.copyOf(distinct);
    }

    /**
     * Parses a statement.
     *
     * @throws ConfigurationException if the SQL is blank, uses {@code ?} placeholders, or leaves a
     *                                quote or comment unclosed
     */
    public static Text text(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new ConfigurationException("text() needs a SQL statement; it was given an empty one.");
        }
        return TextParser.parse(sql);
    }

    static Text of(String source, List<String> fragments, List<String> slots) {
        return new Text(source, fragments.toArray(new String[0]), slots.toArray(new String[0]));
    }

    /** The SQL as written, with its {@code :name} parameters. */
    public String sql() {
        return source;
    }

    /** The SQL as sent to the driver when no value is a collection: each {@code :name} replaced by {@code ?}. */
    public String positionalSql() {
        return positionalSql;
    }

    /**
     * The SQL split around its parameters: {@code fragments().get(i)} comes before parameter
     * {@code slots().get(i)}, and the last fragment ends the statement ({@code fragments().size() ==
     * slots().size() + 1}). For layers that embed text in statements of their own.
     */
    public List<String> fragments() {
        return List.of(fragments);
    }

    /** The parameter name at each placeholder, in order (a name used twice appears twice). */
    public List<String> slots() {
        return List.of(slots);
    }

    /** The distinct parameter names, in order of first use. */
    public List<String> parameterNames() {
        return names;
    }

    /**
     * Resolves the statement's parameters from {@code values}: the SQL to send and the values in
     * placeholder order.
     *
     * @throws AthanorException        if a parameter has no value, a value names no parameter, or a
     *                                  collection value is empty
     * @throws InvalidValueException    if a value is refused (see the class description)
     */
    public Bound bind(Map<String, ?> values) {
        Map<String, ?> given = values == null ? Map.of() : values;
        if (slots.length == 0 && given.isEmpty()) {
            return new Bound(positionalSql, NO_VALUES);
        }
        checkNames(given);
        boolean expand = false;
        for (String slot : slots) {
            Object v = given.get(slot);
            if (v instanceof Collection) {
                if (((Collection<?>) v).isEmpty()) {
                    throw new AthanorException("Parameter :" + slot + " is an empty collection, and IN () is not valid SQL. "
                            + "Check for empty input before running the statement. Statement: " + source);
                }
                for (Object element : (Collection<?>) v) {
                    checkValue(slot, element);
                }
                expand = true;
            } else {
                checkValue(slot, v);
            }
        }
        if (!expand) {
            Object[] out = new Object[slots.length];
            for (int i = 0; i < slots.length; i++) {
                out[i] = given.get(slots[i]);
            }
            return new Bound(positionalSql, out);
        }
        StringBuilder sql = new StringBuilder(positionalSql.length() + 16);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            sql.append(fragments[i]);
            Object v = given.get(slots[i]);
            if (v instanceof Collection) {
                int n = 0;
                for (Object element : (Collection<?>) v) {
                    sql.append(n++ == 0 ? "?" : ", ?");
                    out.add(element);
                }
            } else {
                sql.append('?');
                out.add(v);
            }
        }
        sql.append(fragments[slots.length]);
        return new Bound(sql.toString(), out.toArray());
    }

    /** Refuses what no database would take as given, naming the parameter (never its value). */
    private static void checkValue(String slot, Object v) {
        if (v instanceof String) {
            String text = (String) v;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new InvalidValueException("Parameter :" + slot + " holds an unpaired UTF-16 surrogate (U+"
                            + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ") at index " + i + ", which is not a "
                            + "Unicode character: the database would store '?' in its place. Fix the string where it was made "
                            + "(a substring that cuts a surrogate pair, bytes decoded with the wrong charset).");
                }
            }
        } else if (v instanceof java.util.Optional) {
            throw new InvalidValueException("Parameter :" + slot + " is an Optional, which no column takes: pass "
                    + "optional.orElse(null).");
        }
    }

    private void checkNames(Map<String, ?> given) {
        if (given.size() == names.size() && given.keySet().containsAll(names)) {
            return;
        }
        for (String name : names) {
            if (!given.containsKey(name)) {
                throw new AthanorException("Parameter :" + name + " has no value. The statement uses " + describe(names)
                        + "; values were given for " + describe(given.keySet()) + ". Statement: " + source);
            }
        }
        for (String key : given.keySet()) {
            if (!names.contains(key)) {
                throw new AthanorException("A value was given for '" + key + "', but the statement has no parameter :" + key
                        + " (it uses " + describe(names) + "). Check the name for a typo. Statement: " + source);
            }
        }
    }

    private static String describe(Collection<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            b.append(b.length() == 0 ? ":" : ", :").append(n);
        }
        return b.toString();
    }

    /** The statement as written. */
    @Override
    public String toString() {
        return source;
    }

    /**
     * A statement with its values resolved: the SQL to send and the values in placeholder order.
     *
     * @param sql    SQL with {@code ?} placeholders
     * @param values one value per placeholder
     */
    public record Bound(String sql, Object[] values) {
    }
}

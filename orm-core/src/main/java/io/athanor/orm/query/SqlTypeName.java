package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a SQL type name for {@link Sql#cast} by a strict grammar, so that nothing but a type name can
 * reach the SQL text:
 *
 * <pre>
 * type      = base [ "(" int [ "," int ] ")" ] [ zone ] { "[" [ int ] "]" }
 * base      = name [ "." name ] | "double precision" | "character varying" | "char varying" | "bit varying"
 *           | "national character" [ "varying" ] | "signed" [ "integer" ] | "unsigned" [ "integer" ]
 * zone      = ( "with" | "without" ) "time zone"          (only after time or timestamp)
 * name      = letter or "_", then letters, digits and "_" (at most 63)
 * </pre>
 *
 * Words are case-insensitive; the type is written back with single spaces, as given otherwise.
 */
final class SqlTypeName {
    private static final int MAX_NAME = 63;
    private static final int MAX_DIGITS = 9;
    private static final int SHOWN = 80;
    /** Types of more than one word; the first word alone is a type too where it is listed separately. */
    private static final List<List<String>> PHRASES = List.of(
            List.of("double", "precision"),
            List.of("character", "varying"),
            List.of("char", "varying"),
            List.of("bit", "varying"),
            List.of("national", "character", "varying"),
            List.of("national", "character"),
            List.of("signed", "integer"),
            List.of("unsigned", "integer"));

    private final String source;
    private final List<String> tokens;
    private int pos;

    private SqlTypeName(String source, List<String> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /**
     * The type name as it will be written in SQL.
     *
     * @throws AthanorException if {@code sqlType} is not a type name by the grammar above
     */
    static String parse(String sqlType) {
        if (sqlType == null) {
            throw new AthanorException("cast() needs a SQL type name; it was given null.");
        }
        List<String> tokens = tokenize(sqlType);
        if (tokens == null) {
            throw refused(sqlType, "it holds a character that no type name has (quotes, operators, ';', '-', ...)");
        }
        return new SqlTypeName(sqlType, tokens).type();
    }

    private String type() {
        StringBuilder out = new StringBuilder();
        String first = name("a type name");
        List<String> phrase = phrase(first);
        boolean timeType;
        if (phrase != null) {
            out.append(first);
            for (int i = 1; i < phrase.size(); i++) {
                out.append(' ').append(tokens.get(pos++));
            }
            timeType = false;
        } else {
            out.append(first);
            if (peekIs(".")) {
                pos++;
                out.append('.').append(name("a type name after the schema's '.'"));
            }
            String lower = first.toLowerCase(Locale.ROOT);
            timeType = out.indexOf(".") < 0 && (lower.equals("time") || lower.equals("timestamp"));
        }
        if (peekIs("(")) {
            pos++;
            out.append('(').append(number());
            if (peekIs(",")) {
                pos++;
                out.append(", ").append(number());
            }
            expect(")");
            out.append(')');
        }
        if (timeType && (peekWord("with") || peekWord("without"))) {
            out.append(' ').append(tokens.get(pos++));
            if (!peekWord("time")) {
                throw refused(source, "'with' and 'without' must be followed by 'time zone'");
            }
            out.append(' ').append(tokens.get(pos++));
            if (!peekWord("zone")) {
                throw refused(source, "'with' and 'without' must be followed by 'time zone'");
            }
            out.append(' ').append(tokens.get(pos++));
        }
        while (peekIs("[")) {
            pos++;
            out.append('[');
            if (!peekIs("]")) {
                out.append(number());
            }
            expect("]");
            out.append(']');
        }
        if (pos < tokens.size()) {
            throw refused(source, "'" + shorten(tokens.get(pos)) + "' cannot follow " + out);
        }
        return out.toString();
    }

    /** The multi-word type starting at the current position (whose first word is {@code first}), or null. */
    private List<String> phrase(String first) {
        List<String> best = null;
        for (List<String> candidate : PHRASES) {
            if (!candidate.get(0).equalsIgnoreCase(first) || best != null && best.size() >= candidate.size()) {
                continue;
            }
            boolean matches = true;
            for (int i = 1; i < candidate.size() && matches; i++) {
                int at = pos + i - 1;
                matches = at < tokens.size() && candidate.get(i).equalsIgnoreCase(tokens.get(at));
            }
            if (matches) {
                best = candidate;
            }
        }
        return best;
    }

    private String name(String what) {
        if (pos >= tokens.size() || !isName(tokens.get(pos))) {
            throw refused(source, "expected " + what + (pos < tokens.size() ? ", found '" + shorten(tokens.get(pos)) + "'" : ""));
        }
        String name = tokens.get(pos++);
        if (name.length() > MAX_NAME) {
            throw refused(source, "a name is longer than " + MAX_NAME + " characters");
        }
        return name;
    }

    private String number() {
        if (pos >= tokens.size() || !Character.isDigit(tokens.get(pos).charAt(0))) {
            throw refused(source, "expected a whole number inside ( ) or [ ]");
        }
        String n = tokens.get(pos++);
        if (n.length() > MAX_DIGITS) {
            throw refused(source, "the number " + n + " is too long");
        }
        return n;
    }

    private void expect(String symbol) {
        if (!peekIs(symbol)) {
            throw refused(source, "expected '" + symbol + "'" + (pos < tokens.size() ? ", found '" + shorten(tokens.get(pos)) + "'" : ""));
        }
        pos++;
    }

    private boolean peekIs(String symbol) {
        return pos < tokens.size() && tokens.get(pos).equals(symbol);
    }

    private boolean peekWord(String word) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }

    private static boolean isName(String token) {
        char c = token.charAt(0);
        return c == '_' || isAsciiLetter(c);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Names, numbers and the symbols {@code . ( ) , [ ]}; spaces separate; {@code null} for anything else. */
    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '_' || isAsciiLetter(c)) {
                int start = i;
                while (i < s.length() && (s.charAt(i) == '_' || isAsciiLetter(s.charAt(i)) || isAsciiDigit(s.charAt(i)))) {
                    i++;
                }
                out.add(s.substring(start, i));
            } else if (isAsciiDigit(c)) {
                int start = i;
                while (i < s.length() && isAsciiDigit(s.charAt(i))) {
                    i++;
                }
                if (i < s.length() && (s.charAt(i) == '_' || isAsciiLetter(s.charAt(i)))) {
                    return null;
                }
                out.add(s.substring(start, i));
            } else if (".(),[]".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                return null;
            }
        }
        return out;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String shorten(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "... (" + s.length() + " characters)";
    }

    private static AthanorException refused(String sqlType, String why) {
        return new AthanorException("Cast type '" + shorten(sqlType) + "' is not a SQL type name: " + why + ". A type name is "
                + "a name (optionally schema.name), then (n) or (p, s), then [] for an array, e.g. varchar(20), numeric(10, 2), "
                + "text[], double precision, timestamp(3) with time zone. It is code, not data: never build it from input.");
    }
}

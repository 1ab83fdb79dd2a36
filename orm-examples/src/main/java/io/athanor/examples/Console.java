package io.athanor.examples;

import io.athanor.orm.engine.Row;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the example app writes what it shows: section headings, lines, and rows as aligned tables.
 * The app is a program for a person to read, so it prints to a stream rather than logging.
 */
public final class Console {
    private static final int SQL_WIDTH = 100;
    private static final Pattern LONG_SELECT_LIST = Pattern.compile("^SELECT ([^,]+), [^()]{30,}? FROM ");

    private final PrintStream out;

    /** Prints to {@code out}. */
    public Console(PrintStream out) {
        this.out = out;
    }

    /** Starts a section: a blank line, the title and a rule under it. */
    public void heading(String title) {
        out.println();
        out.println(title);
        out.println("=".repeat(title.length()));
    }

    /** Starts a part of a section. */
    public void subheading(String title) {
        out.println();
        out.println(title);
        out.println("-".repeat(title.length()));
    }

    /** Prints one line, formatted as {@link String#format}. */
    public void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }

    /**
     * Prints a statement on one line, numbered, followed by {@code note}; a long select list is
     * abbreviated to its first column, and the rest cut to fit.
     */
    public void statement(int number, String sql, String note) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        Matcher select = LONG_SELECT_LIST.matcher(flat);
        if (select.find()) {
            flat = "SELECT " + select.group(1) + ", ... FROM " + flat.substring(select.end());
        }
        out.println(String.format(Locale.ROOT, "  %2d. %s%s", number, shorten(flat, SQL_WIDTH), note));
    }

    /**
     * Prints a DDL statement whole, numbered: on one line when it fits in the width statements get,
     * otherwise with each column and constraint of its parenthesized list on a line of its own.
     */
    public void ddl(int number, String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        int open = flat.indexOf('(');
        int close = flat.length() - 1;
        if (flat.length() <= SQL_WIDTH || open < 0 || closing(flat, open) != close) {
            // short, or not a parenthesized list at the end (a view's query): whole, on one line
            out.println(String.format(Locale.ROOT, "  %2d. %s", number, flat));
            return;
        }
        out.println(String.format(Locale.ROOT, "  %2d. %s", number, flat.substring(0, open + 1)));
        List<String> items = topLevelItems(flat.substring(open + 1, close));
        for (int i = 0; i < items.size(); i++) {
            out.println("          " + items.get(i) + (i < items.size() - 1 ? "," : ""));
        }
        out.println("      " + flat.substring(close));
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    private static int closing(String sql, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated items of {@code list}, not splitting inside nested parentheses or quotes. */
    static List<String> topLevelItems(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        items.add(list.substring(start).trim());
        return items;
    }

    /** Prints query result rows as a table, their labels as the header. */
    public void rows(List<Row> rows) {
        if (rows.isEmpty()) {
            out.println("  (no rows)");
            return;
        }
        List<List<?>> values = new ArrayList<>();
        for (Row row : rows) {
            values.add(row.values());
        }
        table(rows.get(0).columns(), values);
    }

    /** Prints a table: numbers right-aligned, everything else left-aligned, each column as wide as its widest cell. */
    public void table(List<String> headers, List<? extends List<?>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<?> row : rows) {
                widths[i] = Math.max(widths[i], cell(row.get(i)).length());
            }
        }
        StringBuilder line = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            line.append("  ").append(pad(headers.get(i).toLowerCase(Locale.ROOT), widths[i], false));
            rule.append("  ").append("-".repeat(widths[i]));
        }
        out.println(line.toString().stripTrailing());
        out.println(rule);
        for (List<?> row : rows) {
            line.setLength(0);
            for (int i = 0; i < headers.size(); i++) {
                Object v = row.get(i);
                line.append("  ").append(pad(cell(v), widths[i], v instanceof Number || v == null));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** {@code sql} on one line (runs of white space made one space), cut to {@code width} characters. */
    static String shorten(String sql, int width) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() <= width ? flat : flat.substring(0, width - 3) + "...";
    }

    private static String cell(Object value) {
        return value == null ? "-" : String.valueOf(value);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}

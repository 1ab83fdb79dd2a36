package io.athanor.orm.micrometer;

import java.util.Locale;

/** What a statement does, from its first keyword: the {@code kind} tag of metrics and observations. */
enum StatementKind {
    SELECT, INSERT, UPDATE, DELETE, DDL, OTHER;

    /** The tag value: {@code select}, {@code insert}, ... */
    final String tag = name().toLowerCase(Locale.ROOT);

    /** Reads the first keyword of {@code sql}, past white space, comments and opening parentheses. */
    static StatementKind of(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        switch (sql.substring(start, i).toLowerCase(Locale.ROOT)) {
            case "select":
            case "with":
            case "values":
            case "table":
                return SELECT;
            case "insert":
            case "copy":
                return INSERT;
            case "update":
            case "merge":
                return UPDATE;
            case "delete":
                return DELETE;
            case "create":
            case "alter":
            case "drop":
            case "truncate":
            case "comment":
            case "rename":
                return DDL;
            default:
                return OTHER;
        }
    }
}

package io.athanor.orm.engine;

import io.athanor.orm.error.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text around its {@code :name} parameters, skipping quotes, comments and casts. Strings follow
 * standard SQL (and PostgreSQL with its default {@code standard_conforming_strings}): in {@code '...'} a
 * backslash is an ordinary character and {@code ''} is a quote; in an escape string {@code E'...'} a
 * backslash also escapes the character after it.
 */
final class TextParser {
    private final String sql;
    private final List<String> fragments = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int pos;

    private TextParser(String sql) {
        this.sql = sql;
    }

    static Text parse(String sql) {
        TextParser p = new TextParser(sql);
        p.run();
        p.fragments.add(p.current.toString());
        return Text.of(sql, p.fragments, p.slots);
    }

    private void run() {
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            switch (c) {
                case '\'':
                    if (startsEscapeString()) {
                        copyEscapeString();
                    } else {
                        copyQuoted(c);
                    }
                    break;
                case '"':
                case '`':
                    copyQuoted(c);
                    break;
                case '-':
                    if (peek(1) == '-') {
                        copyUntilLineEnd();
                    } else {
                        copy(1);
                    }
                    break;
                case '/':
                    if (peek(1) == '*') {
                        copyBlockComment();
                    } else {
                        copy(1);
                    }
                    break;
                case '$':
                    if (!copyDollarQuoted()) {
                        copy(1);
                    }
                    break;
                case '\\':
                    if (peek(1) == ':') {
                        current.append(':');
                        pos += 2;
                    } else {
                        copy(1);
                    }
                    break;
                case '?':
                    if (peek(1) == '?') {
                        copy(2);
                    } else {
                        throw new ConfigurationException("text() takes named parameters only: write :name instead of '?' "
                                + "(at offset " + pos + " in: " + sql + "). For a literal '?' operator write '??'.");
                    }
                    break;
                case ':':
                    readColon();
                    break;
                default:
                    copy(1);
            }
        }
    }

    private void readColon() {
        char next = peek(1);
        if (next == ':') {
            copy(2);
            return;
        }
        if (Character.isLetter(next) || next == '_') {
            int start = pos + 1;
            int end = start;
            while (end < sql.length() && isNameChar(sql.charAt(end))) {
                end++;
            }
            fragments.add(current.toString());
            current.setLength(0);
            slots.add(sql.substring(start, end));
            pos = end;
            return;
        }
        copy(1);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private void copyQuoted(char quote) {
        int start = pos;
        int i = pos + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                current.append(sql, start, i + 1);
                pos = i + 1;
                return;
            }
            i++;
        }
        throw new ConfigurationException("Unclosed " + quote + " quote starting at offset " + start + " in: " + sql);
    }

    /** Whether the quote at {@code pos} opens {@code E'...'}: an {@code E} or {@code e} that is a word of its own. */
    private boolean startsEscapeString() {
        if (pos == 0) {
            return false;
        }
        char prefix = sql.charAt(pos - 1);
        return (prefix == 'E' || prefix == 'e') && (pos == 1 || !isNameChar(sql.charAt(pos - 2)) && sql.charAt(pos - 2) != '$');
    }

    /** Copies {@code '...'} of an escape string, where {@code \x} and {@code ''} do not end it. */
    private void copyEscapeString() {
        int start = pos;
        int i = pos + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                current.append(sql, start, i + 1);
                pos = i + 1;
                return;
            }
            i++;
        }
        throw new ConfigurationException("Unclosed E' quote starting at offset " + (start - 1) + " in: " + sql);
    }

    private void copyUntilLineEnd() {
        int end = sql.indexOf('\n', pos);
        end = end < 0 ? sql.length() : end;
        current.append(sql, pos, end);
        pos = end;
    }

    private void copyBlockComment() {
        int start = pos;
        int depth = 0;
        int i = pos;
        while (i < sql.length() - 1) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    current.append(sql, start, i);
                    pos = i;
                    return;
                }
            } else {
                i++;
            }
        }
        throw new ConfigurationException("Unclosed /* comment starting at offset " + start + " in: " + sql);
    }

    private boolean copyDollarQuoted() {
        if (pos > 0 && isNameChar(sql.charAt(pos - 1))) {
            return false;
        }
        int tagEnd = pos + 1;
        while (tagEnd < sql.length() && (Character.isLetter(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_'
                || (tagEnd > pos + 1 && Character.isDigit(sql.charAt(tagEnd))))) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return false;
        }
        String tag = sql.substring(pos, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw new ConfigurationException("Unclosed " + tag + " quote starting at offset " + pos + " in: " + sql);
        }
        int end = close + tag.length();
        current.append(sql, pos, end);
        pos = end;
        return true;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private void copy(int count) {
        current.append(sql, pos, pos + count);
        pos += count;
    }
}

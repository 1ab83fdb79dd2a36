package io.athanor.orm.engine.internal;

import java.util.List;

/**
 * Renders parameters for logs and messages, or hides them. Shown, a text is cut after 100 characters and
 * a list after 50 parameters, each saying how much was left out.
 */
final class ParameterFormat {
    private static final int MAX_TEXT = 100;
    private static final int MAX_SHOWN = 50;

    private final boolean hide;

    ParameterFormat(boolean hide) {
        this.hide = hide;
    }

    boolean hides() {
        return hide;
    }

    String format(List<Object> params) {
        if (params.isEmpty()) {
            return "[]";
        }
        if (hide) {
            return "[" + params.size() + " parameter" + (params.size() == 1 ? "" : "s") + " hidden]";
        }
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(params.size(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                b.append(", ");
            }
            append(b, params.get(i));
        }
        if (shown < params.size()) {
            b.append(", … (").append(MessageText.count(params.size() - shown)).append(" more parameters)");
        }
        return b.append(']').toString();
    }

    private static void append(StringBuilder b, Object v) {
        if (v == null) {
            b.append("NULL");
        } else if (v instanceof byte[]) {
            b.append("<").append(((byte[]) v).length).append(" bytes>");
        } else if (v instanceof CharSequence || v instanceof Character) {
            b.append('\'');
            appendCut(b, v.toString());
            b.append('\'');
        } else if (v.getClass().isArray()) {
            appendArray(b, v);
        } else if (v instanceof java.sql.Array) {
            appendSqlArray(b, (java.sql.Array) v);
        } else {
            appendCut(b, String.valueOf(v));
        }
    }

    /** An array as its elements, {@code [1, 2, 3]}, nested arrays too, at most {@value #MAX_SHOWN} of them. */
    private static void appendArray(StringBuilder b, Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        int shown = Math.min(length, MAX_SHOWN);
        b.append('[');
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                b.append(", ");
            }
            append(b, java.lang.reflect.Array.get(array, i));
        }
        if (shown < length) {
            b.append(", … (").append(MessageText.count(length - shown)).append(" more elements)");
        }
        b.append(']');
    }

    /** A JDBC array as its elements when the driver gives them without a round trip; else its type. */
    private static void appendSqlArray(StringBuilder b, java.sql.Array array) {
        Object elements;
        try {
            elements = array.getArray();
        } catch (java.sql.SQLException | RuntimeException e) {
            elements = null;
        }
        if (elements != null && elements.getClass().isArray()) {
            appendArray(b, elements);
        } else {
            String type;
            try {
                type = array.getBaseTypeName();
            } catch (java.sql.SQLException | RuntimeException e) {
                type = "?";
            }
            b.append("<array of ").append(type).append('>');
        }
    }

    private static void appendCut(StringBuilder b, String s) {
        if (s.length() > MAX_TEXT) {
            b.append(s, 0, MAX_TEXT).append("… (").append(MessageText.count(s.length() - MAX_TEXT)).append(" more characters)");
        } else {
            b.append(s);
        }
    }
}

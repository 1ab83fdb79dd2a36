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
        } else {
            appendCut(b, String.valueOf(v));
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

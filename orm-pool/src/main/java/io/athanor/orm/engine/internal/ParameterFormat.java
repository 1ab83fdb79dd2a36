package io.athanor.orm.engine.internal;

import java.util.List;

/** Renders parameters for logs and messages, or hides them. */
final class ParameterFormat {
    private static final int MAX_TEXT = 100;

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
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            append(b, params.get(i));
        }
        return b.append(']').toString();
    }

    private static void append(StringBuilder b, Object v) {
        if (v == null) {
            b.append("NULL");
        } else if (v instanceof CharSequence || v instanceof Character) {
            String s = v.toString();
            b.append('\'');
            if (s.length() > MAX_TEXT) {
                b.append(s, 0, MAX_TEXT).append("...(").append(s.length() - MAX_TEXT).append(" more chars)");
            } else {
                b.append(s);
            }
            b.append('\'');
        } else if (v instanceof byte[]) {
            b.append("<").append(((byte[]) v).length).append(" bytes>");
        } else {
            b.append(v);
        }
    }
}

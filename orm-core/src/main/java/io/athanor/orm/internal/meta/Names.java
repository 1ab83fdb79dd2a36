package io.athanor.orm.internal.meta;

import java.util.Locale;

/** Default names: Java identifiers in snake case. */
public final class Names {
    private Names() {
    }

    /** {@code createdAt} → {@code created_at}, {@code HTTPServer} → {@code http_server}, {@code userID} → {@code user_id}. */
    public static String snake(String name) {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (b.length() > 0 && b.charAt(b.length() - 1) != '_' && (prevLower || (prevUpper && nextLower))) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}

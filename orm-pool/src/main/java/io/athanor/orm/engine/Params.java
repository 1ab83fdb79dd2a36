package io.athanor.orm.engine;

import io.athanor.orm.error.ConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds parameter maps for {@link Text} statements. Unlike {@link Map#of}, values may be
 * {@code null} (sent as SQL {@code NULL}).
 *
 * <pre>{@code Params.of("name", "ada", "deleted_at", null)}</pre>
 */
public final class Params {
    private Params() {
    }

    /** No parameters. */
    public static Map<String, Object> empty() {
        return Map.of();
    }

    /**
     * A map from alternating names and values.
     *
     * @throws ConfigurationException if the count is odd, a name is not a non-empty String, or a name repeats
     */
    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new ConfigurationException("Params.of takes names and values in pairs; it was given "
                    + namesAndValues.length + " arguments.");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object name = namesAndValues[i];
            if (!(name instanceof String) || ((String) name).isEmpty()) {
                throw new ConfigurationException("Params.of argument " + i + " must be a parameter name (a non-empty String), "
                        + "but is " + name + ".");
            }
            if (map.containsKey(name)) {
                throw new ConfigurationException("Params.of names parameter '" + name + "' twice.");
            }
            map.put((String) name, namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}

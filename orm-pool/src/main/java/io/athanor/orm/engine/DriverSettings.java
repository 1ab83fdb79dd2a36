package io.athanor.orm.engine;

import io.athanor.orm.error.ConfigurationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Driver settings the engine checks or adds: those the drivers themselves would only reject while
 * connecting, with advice that points at the network rather than at the setting; and those that keep
 * values out of the drivers' messages when the engine hides parameters.
 */
final class DriverSettings {
    /** pgjdbc's SSL modes (compared without regard to case, as pgjdbc does). */
    private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private DriverSettings() {
    }

    /** Checks the settings of an engine over {@code jdbcUrl} with the given driver properties. */
    static void check(String jdbcUrl, Map<String, String> properties) {
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            return;
        }
        String inUrl = urlParameter(jdbcUrl, "sslmode");
        if (inUrl != null) {
            checkSslMode(inUrl, "in the URL");
        }
        String property = properties.get("sslmode");
        if (property != null) {
            checkSslMode(property, "given to connectionProperty");
        }
    }

    /**
     * The driver properties of an engine that hides parameters: pgjdbc's {@code logServerErrorDetail=false},
     * which leaves the server's detail, hint and context lines out of exception messages (they quote the
     * row, the key or the COPY field that failed) and the statement with its values out of a failed batch's
     * message; MariaDB's {@code dumpQueriesOnException} stays off. A setting given to the contrary is refused.
     */
    static Map<String, String> forHiddenParameters(String jdbcUrl, Map<String, String> properties) {
        if (jdbcUrl == null) {
            return properties;
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return withSetting(jdbcUrl, properties, "logServerErrorDetail", "false");
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return withSetting(jdbcUrl, properties, "dumpQueriesOnException", "false");
        }
        return properties;
    }

    /**
     * The driver properties of an engine behind a transaction pooler: pgjdbc's {@code prepareThreshold=0}
     * (no named server-side statements), and no {@code readOnlyMode=always} (which sets read-only on the
     * server session). PostgreSQL URLs only; a DataSource's settings are its owner's.
     */
    static Map<String, String> forTransactionPooling(String jdbcUrl, Map<String, String> properties) {
        if (jdbcUrl == null) {
            return properties;
        }
        if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("transactionPooling(true) is for PostgreSQL behind a pooler in transaction mode "
                    + "(PgBouncer); " + jdbcUrl.substring(0, Math.min(jdbcUrl.length(), 20)) + "... is not a PostgreSQL URL. "
                    + "Remove the setting.");
        }
        String readOnlyMode = urlParameter(jdbcUrl, "readOnlyMode");
        if (readOnlyMode == null) {
            readOnlyMode = properties.get("readOnlyMode");
        }
        if ("always".equalsIgnoreCase(readOnlyMode)) {
            throw new ConfigurationException("readOnlyMode=always sets read-only on the server session, which a pooler in "
                    + "transaction mode hands to other clients; with transactionPooling(true) leave readOnlyMode at its "
                    + "default (transaction).");
        }
        return withSetting(jdbcUrl, properties, "prepareThreshold", "0", "transactionPooling(true)",
                "which stops the driver preparing named statements on the server", "turn transactionPooling off");
    }

    private static Map<String, String> withSetting(String jdbcUrl, Map<String, String> properties, String key, String value) {
        return withSetting(jdbcUrl, properties, key, value, "hideParameters(true)",
                "which keeps values out of the driver's messages", "turn hideParameters off");
    }

    private static Map<String, String> withSetting(String jdbcUrl, Map<String, String> properties, String key, String value,
                                                   String needer, String why, String otherwise) {
        String inUrl = urlParameter(jdbcUrl, key);
        String given = inUrl != null ? inUrl : properties.get(key);
        if (given != null && !given.equalsIgnoreCase(value)) {
            throw new ConfigurationException(needer + " needs the driver setting " + key + "=" + value
                    + ", " + why + ", but " + key + "=" + given + " was given "
                    + (inUrl != null ? "in the URL" : "to connectionProperty") + ". Remove that setting, or " + otherwise + ".");
        }
        if (given != null) {
            return properties;
        }
        Map<String, String> with = new LinkedHashMap<>(properties);
        with.put(key, value);
        return with;
    }

    private static void checkSslMode(String mode, String where) {
        if (!SSL_MODES.contains(mode.toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("sslmode '" + mode + "' (" + where + ") is not a PostgreSQL SSL mode: use one of "
                    + String.join(", ", SSL_MODES) + ".");
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }

    /** The value of a query parameter of a JDBC URL (the last one, as drivers read them), or null. */
    static String urlParameter(String jdbcUrl, String key) {
        int q = jdbcUrl.indexOf('?');
        if (q < 0) {
            return null;
        }
        String found = null;
        for (String pair : jdbcUrl.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equalsIgnoreCase(key)) {
                found = eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return found;
    }
}

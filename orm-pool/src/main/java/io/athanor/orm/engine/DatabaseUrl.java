package io.athanor.orm.engine;

import io.athanor.orm.error.ConfigurationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A database address, parsed once: the JDBC URL to connect with, and the user and password taken out
 * of it so that they never travel inside a URL string (where logs and error messages would show them).
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>any JDBC URL ({@code jdbc:postgresql://host/db?user=u&password=p}); {@code user} and
 *       {@code password} query parameters of PostgreSQL and MariaDB URLs are moved out of the URL;</li>
 *   <li>{@code postgresql://user:password@host:port/db} (also {@code postgres://}, and a
 *       {@code +driver} suffix such as {@code postgresql+psycopg2://} is ignored);</li>
 *   <li>{@code mariadb://user:password@host:port/db} and {@code mysql://...}, both served by the
 *       MariaDB driver;</li>
 *   <li>{@code h2:mem:name} (kept alive while the JVM runs, as an embedded database should be),
 *       {@code h2:file:path}.</li>
 * </ul>
 * User names and passwords in the URL may be percent-encoded ({@code p%40ss} for {@code p@ss}).
 *
 * <p>PostgreSQL and MariaDB URLs are checked here, before any driver sees them: a port must be a number
 * from 1 to 65535, and a PostgreSQL URL must name its database. Each mistake is a
 * {@link ConfigurationException} naming it and the fix.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the password.
 */
public final class DatabaseUrl {
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private DatabaseUrl(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Parses a URL in one of the accepted forms.
     *
     * @throws ConfigurationException if the URL is blank, its scheme is unknown, or its host part is malformed
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("The database URL is empty. Give a JDBC URL (jdbc:postgresql://host/db) "
                    + "or one of postgresql://user:password@host/db, mariadb://..., h2:mem:name.");
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            return fromJdbc(trimmed, lower);
        }
        if (lower.startsWith("h2:")) {
            return fromH2(trimmed.substring(3));
        }
        int sep = lower.indexOf("://");
        if (sep > 0) {
            String scheme = lower.substring(0, sep);
            int plus = scheme.indexOf('+');
            if (plus > 0) {
                scheme = scheme.substring(0, plus);
            }
            switch (scheme) {
                case "postgresql":
                case "postgres":
                    return fromServerUrl("jdbc:postgresql://", trimmed, sep + 3);
                case "mariadb":
                case "mysql":
                    return fromServerUrl("jdbc:mariadb://", trimmed, sep + 3);
                default:
                    break;
            }
        }
        throw new ConfigurationException("Unknown database URL scheme in '" + redact(trimmed) + "'. Use a JDBC URL "
                + "(jdbc:...) or one of postgresql://user:password@host:port/db, mariadb://..., mysql://..., "
                + "h2:mem:name, h2:file:path.");
    }

    private static DatabaseUrl fromJdbc(String url, String lower) {
        return fromJdbc(url, lower, url);
    }

    /** A JDBC URL; {@code original} is what the caller wrote, quoted in messages. */
    private static DatabaseUrl fromJdbc(String url, String lower, String original) {
        if (!(lower.startsWith("jdbc:postgresql:") || lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:"))) {
            return new DatabaseUrl(url, null, null);
        }
        checkServerPart(url, lower.startsWith("jdbc:postgresql:"), original);
        int q = url.indexOf('?');
        if (q < 0) {
            return new DatabaseUrl(url, null, null);
        }
        StringBuilder kept = new StringBuilder();
        String user = null;
        String password = null;
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (key.equals("user")) {
                user = value;
            } else if (key.equals("password")) {
                password = value;
            } else {
                kept.append(kept.length() == 0 ? '?' : '&').append(pair);
            }
        }
        return new DatabaseUrl(url.substring(0, q) + kept, user, password);
    }

    private static DatabaseUrl fromH2(String rest) {
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:")) {
            String name = rest.substring(4);
            if (name.isEmpty()) {
                throw new ConfigurationException("h2:mem: needs a database name (h2:mem:app): an unnamed in-memory "
                        + "database would be a different, empty one on every pooled connection.");
            }
            String jdbc = "jdbc:h2:mem:" + name;
            if (!lower.contains("db_close_delay")) {
                jdbc += ";DB_CLOSE_DELAY=-1";
            }
            return new DatabaseUrl(jdbc, null, null);
        }
        return new DatabaseUrl("jdbc:h2:" + rest, null, null);
    }

    private static DatabaseUrl fromServerUrl(String jdbcPrefix, String url, int start) {
        int pathStart = indexOfAny(url, start, '/', '?');
        String authority = pathStart < 0 ? url.substring(start) : url.substring(start, pathStart);
        String rest = pathStart < 0 ? "" : url.substring(pathStart);
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String credentials = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = decode(colon < 0 ? credentials : credentials.substring(0, colon));
            password = colon < 0 ? null : decode(credentials.substring(colon + 1));
            if (user.isEmpty()) {
                user = null;
            }
        }
        if (authority.isEmpty()) {
            authority = "localhost";
        }
        if (authority.startsWith("[") && authority.indexOf(']') < 0) {
            throw new ConfigurationException("Malformed IPv6 host in '" + redact(url) + "': a '[' has no closing ']'.");
        }
        // Messages about the host part quote the URL without its credentials, whatever characters the password holds.
        String shown = url.substring(0, start) + authority + rest;
        DatabaseUrl fromQuery = fromJdbc(jdbcPrefix + authority + rest, (jdbcPrefix + authority + rest).toLowerCase(Locale.ROOT), shown);
        return new DatabaseUrl(fromQuery.jdbcUrl,
                fromQuery.user != null ? fromQuery.user : user,
                fromQuery.password != null ? fromQuery.password : password);
    }

    /**
     * Checks the hosts' ports of a JDBC URL's {@code //host:port,.../database} part, and for PostgreSQL that
     * a database is named (its driver accepts no URL without one and says only "No suitable driver").
     */
    private static void checkServerPart(String jdbcUrl, boolean postgres, String original) {
        int slashes = jdbcUrl.indexOf("://");
        int query = jdbcUrl.indexOf('?');
        if (slashes < 0 || query >= 0 && slashes > query) {
            return; // jdbc:postgresql:database and other forms without a host part
        }
        int start = slashes + 3;
        int end = indexOfAny(jdbcUrl, start, '/', '?');
        String authority = jdbcUrl.substring(start, end < 0 ? jdbcUrl.length() : end);
        int at = authority.lastIndexOf('@');
        for (String host : authority.substring(at + 1).split(",")) {
            checkPort(host, original);
        }
        if (postgres && (end < 0 || jdbcUrl.charAt(end) != '/')) {
            int insertAt = original.length();
            int pathInOriginal = original.indexOf('?', original.indexOf("://") + 3);
            if (pathInOriginal >= 0) {
                insertAt = pathInOriginal;
            }
            String fixed = original.substring(0, insertAt) + "/dbname" + original.substring(insertAt);
            throw new ConfigurationException("The PostgreSQL URL '" + redact(original) + "' names no database. Add its name "
                    + "after the host and port, as in '" + redact(fixed) + "'.");
        }
    }

    private static void checkPort(String host, String original) {
        if (host.indexOf('(') >= 0) {
            return; // MariaDB's address=(host=...)(port=...) form, which its driver checks
        }
        String port;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || close + 1 >= host.length() || host.charAt(close + 1) != ':') {
                return;
            }
            port = host.substring(close + 2);
        } else {
            int colon = host.indexOf(':');
            if (colon < 0 || host.indexOf(':', colon + 1) >= 0) {
                return; // no port, or an IPv6 address without brackets
            }
            port = host.substring(colon + 1);
        }
        if (port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ConfigurationException("The database URL '" + redact(original) + "' gives port '" + port
                    + "', which is not a number. Give a port from 1 to 65535 after the host (host:5432), or leave it out "
                    + "for the database's default port.");
        }
        if (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new ConfigurationException("The database URL '" + redact(original) + "' gives port " + port
                    + ", but a port must be from 1 to 65535.");
        }
    }

    private static int indexOfAny(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("A percent-escape in the database URL's user or password is malformed: "
                    + "write a literal '%' as %25.");
        }
    }

    /**
     * Replaces every password in URL-like text ({@code password=...} parameters and
     * {@code user:password@} credentials) with {@code ***}, for messages that quote a URL.
     */
    public static String redact(String text) {
        String s = text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
        return s.replaceAll("(://[^/@:\\s]*):[^/@\\s]*@", "$1:***@");
    }

    /** The JDBC URL to connect with; it carries no user or password taken from the original form. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user named in the URL, if any. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password given in the URL, if any. Never logged or shown by Athanor. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The JDBC URL with the user, never the password. */
    @Override
    public String toString() {
        return user == null ? jdbcUrl : jdbcUrl + " (user " + user + ")";
    }
}

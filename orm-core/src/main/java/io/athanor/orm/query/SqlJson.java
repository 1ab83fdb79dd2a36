package io.athanor.orm.query;

import java.util.List;
import java.util.Objects;

/**
 * Access into JSON columns (fields marked {@code @Json}) in conditions and select lists. Keys are bind
 * parameters, never SQL text. Each call renders as the database writes it, and is refused, before anything is
 * sent, where the database has no such operation:
 *
 * <table>
 * <caption>JSON operations per database</caption>
 * <tr><th>call</th><th>PostgreSQL</th><th>MariaDB</th><th>H2</th></tr>
 * <tr><td>{@link #get}</td><td>{@code j -> ?}</td><td>{@code JSON_EXTRACT(j, ?)}</td><td>refused</td></tr>
 * <tr><td>{@link #text} (one key)</td><td>{@code j ->> ?}</td><td>{@code JSON_VALUE(j, ?)}</td><td>refused</td></tr>
 * <tr><td>{@link #text} (a path)</td><td>{@code j #>> ?} (a text[] parameter)</td><td>{@code JSON_VALUE(j, ?)}</td>
 * <td>refused</td></tr>
 * <tr><td>{@link #contains}</td><td>{@code j @> ?} ({@code jsonb} only)</td><td>{@code JSON_CONTAINS(j, ?)}</td>
 * <td>refused</td></tr>
 * </table>
 *
 * <pre>{@code
 * import static io.athanor.orm.query.SqlJson.*;
 *
 * session.select(Product.class).where(text(Product_.attributes, "color").eq("red"))
 * session.select(Product.class).where(text(Product_.attributes, "size", "width").eq("10"))     // a nested key
 * session.select(Product.class).where(contains(Product_.attributes, Map.of("color", "red")))   // jsonb containment
 * }</pre>
 *
 * <p>Stateless and thread-safe; the expressions it returns are immutable.
 */
public final class SqlJson {
    private static final String ON_H2 = "H2 has no operators into JSON values; run it on PostgreSQL or MariaDB, or "
            + "filter the loaded values in Java.";

    private SqlJson() {
    }

    /**
     * The value under {@code key} of a JSON object, as JSON text ({@code "red"} with its quotes, {@code {"a":1}});
     * NULL where there is no such key. Nest calls to go deeper.
     */
    public static Expression<String> get(Expression<?> json, String key) {
        Objects.requireNonNull(json, "json");
        return new DialectTemplate<>("SqlJson.get(...)", String.class, List.of("(", json, " -> ", param(key), ")"), null,
                List.of("JSON_EXTRACT(", json, ", ", Param.of(mariaDbPath(key), String.class), ")"), ON_H2);
    }

    /**
     * The value at {@code path} (keys of nested objects, outermost first) of a JSON value as text: a string
     * without its quotes, a number or boolean as written; NULL where there is no such path. On MariaDB a
     * nested object or array at the path gives NULL.
     */
    public static Expression<String> text(Expression<?> json, String... path) {
        Objects.requireNonNull(json, "json");
        if (path == null || path.length == 0) {
            throw new IllegalArgumentException("SqlJson.text(json, path...) needs at least one key.");
        }
        Object[] keys = new Object[path.length];
        for (int i = 0; i < path.length; i++) {
            keys[i] = Objects.requireNonNull(path[i], "path element");
        }
        List<Object> postgres = path.length == 1 ? List.of("(", json, " ->> ", param(path[0]), ")")
                : List.of("(", json, " #>> ", new DialectTemplate.BoundArray(keys, Param.of("", String.class)), ")");
        return new DialectTemplate<>("SqlJson.text(...)", String.class, postgres, null,
                List.of("JSON_VALUE(", json, ", ", Param.of(mariaDbPath(path), String.class), ")"), ON_H2);
    }

    /**
     * Whether the JSON in {@code json} contains {@code value} (of the field's type, written as the field is: a
     * {@code Map}, a {@code JsonNode}, a record...): every key and value of an object found at the same place,
     * every element of an array found in it. PostgreSQL: {@code jsonb} columns ({@code @Json(binary = true)}).
     */
    public static <T> Expression<Boolean> contains(Expression<T> json, T value) {
        Objects.requireNonNull(json, "json");
        Param<T> p = Param.of(Objects.requireNonNull(value, "value"), json);
        return new DialectTemplate<>("SqlJson.contains(...)", Boolean.class, List.of("(", json, " @> ", p, ")"), null,
                List.of("JSON_CONTAINS(", json, ", ", p, ")"), ON_H2);
    }

    private static Param<String> param(String key) {
        return Param.of(Objects.requireNonNull(key, "key"), String.class);
    }

    /** {@code $."a"."b"}: each key quoted, so that any key text is a key. */
    private static String mariaDbPath(String... keys) {
        StringBuilder path = new StringBuilder("$");
        for (String k : keys) {
            path.append(".\"").append(Objects.requireNonNull(k, "key").replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return path.toString();
    }
}

package io.athanor.orm.query;

import java.util.List;
import java.util.Objects;

/**
 * Conditions and functions on array columns (fields mapped as {@code List<String>}, {@code UUID[]}, {@code int[]}
 * ...). Every value is a bind parameter; arrays are bound as the column binds them. Each call renders as the
 * database writes it, and is refused, before anything is sent, where the database has no such operation (MariaDB
 * has no array columns at all):
 *
 * <table>
 * <caption>Array operations per database</caption>
 * <tr><th>call</th><th>PostgreSQL</th><th>H2</th></tr>
 * <tr><td>{@link #contains}</td><td>{@code a @> ?}</td><td>refused</td></tr>
 * <tr><td>{@link #containedBy}</td><td>{@code a <@ ?}</td><td>refused</td></tr>
 * <tr><td>{@link #overlaps}</td><td>{@code a && ?}</td><td>refused</td></tr>
 * <tr><td>{@link #has}</td><td>{@code ? = ANY(a)}</td><td>{@code ARRAY_CONTAINS(a, ?)}</td></tr>
 * <tr><td>{@link #length}</td><td>{@code cardinality(a)}</td><td>{@code CARDINALITY(a)}</td></tr>
 * </table>
 *
 * <pre>{@code
 * import static io.athanor.orm.query.SqlArrays.*;
 *
 * session.select(Post.class).where(contains(Post_.tags, List.of("sql", "orm")))   // every one of them
 * session.select(Post.class).where(has(Post_.tags, "sql"))                          // this one
 * session.select(Post.class).where(length(Post_.tags).gt(2))
 * }</pre>
 *
 * <p>Stateless and thread-safe; the expressions it returns are immutable.
 */
public final class SqlArrays {
    private static final String NO_ARRAYS = "MariaDB has no array columns; map the field with @Json and use SqlJson.";

    private SqlArrays() {
    }

    /**
     * {@code array @> values}: whether {@code array} holds every element of {@code values} (a list or array of the
     * field's type). PostgreSQL only; on H2, combine {@link #has} for each element.
     */
    public static <T> Expression<Boolean> contains(Expression<T> array, T values) {
        return pgOnly("SqlArrays.contains(...)", array, " @> ", values, "On H2, combine has(array, element) for each element with and(...).");
    }

    /** {@code array <@ values}: whether every element of {@code array} is one of {@code values}. PostgreSQL only. */
    public static <T> Expression<Boolean> containedBy(Expression<T> array, T values) {
        return pgOnly("SqlArrays.containedBy(...)", array, " <@ ", values, "Run it on PostgreSQL.");
    }

    /** {@code array && values}: whether {@code array} and {@code values} have an element in common. PostgreSQL only. */
    public static <T> Expression<Boolean> overlaps(Expression<T> array, T values) {
        return pgOnly("SqlArrays.overlaps(...)", array, " && ", values, "On H2, combine has(array, element) for each element with or(...).");
    }

    private static <T> Expression<Boolean> pgOnly(String call, Expression<T> array, String operator, T values, String instead) {
        Objects.requireNonNull(array, "array");
        Param<T> p = Param.of(Objects.requireNonNull(values, "values"), array);
        return new DialectTemplate<>(call, Boolean.class, List.of("(", array, operator, p, ")"), null, null,
                instead + " " + NO_ARRAYS);
    }

    /**
     * Whether {@code element} is one of the elements of {@code array}: {@code ? = ANY(array)} on PostgreSQL,
     * {@code ARRAY_CONTAINS(array, ?)} on H2. An enum element is compared by its name, as enum arrays are stored.
     */
    public static Expression<Boolean> has(Expression<?> array, Object element) {
        Objects.requireNonNull(array, "array");
        Object v = Objects.requireNonNull(element, "element") instanceof Enum ? ((Enum<?>) element).name() : element;
        Param<Object> p = Param.of(v, v.getClass());
        return new DialectTemplate<>("SqlArrays.has(...)", Boolean.class, List.of("(", p, " = ANY(", array, "))"),
                List.of("ARRAY_CONTAINS(", array, ", ", p, ")"), null, NO_ARRAYS);
    }

    /** The number of elements of {@code array} (0 for an empty one, NULL for NULL): {@code cardinality(array)}. */
    public static Expression<Integer> length(Expression<?> array) {
        List<Object> template = List.of("cardinality(", Objects.requireNonNull(array, "array"), ")");
        return new DialectTemplate<>("SqlArrays.length(...)", Integer.class, template, template, null, NO_ARRAYS);
    }
}

package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;

/**
 * Operators and functions only PostgreSQL has, typed: array membership ({@code = ANY}), {@code AT TIME ZONE}
 * and full-text search ({@code @@}, {@code to_tsvector}, {@code to_tsquery}, {@code ts_rank}). Every value is
 * a bind parameter. A statement using them compiles for PostgreSQL only: compiled for H2 or MariaDB it is
 * refused, before anything is sent, with an error naming the call.
 *
 * <pre>{@code
 * import static io.athanor.orm.query.Postgres.*;
 *
 * session.select(Article.class).where(matches(toTsvector("english", Article_.body), websearchToTsquery("english", "sql -orm")))
 * session.select(User.class).where(eqAny(User_.id, ids))                              // users.id = ANY(?), one array parameter
 * session.select(atTimeZone(Event_.at, "Europe/Paris").as("paris_time"))              // timestamptz -> local wall-clock time
 * }</pre>
 *
 * <p>Stateless and thread-safe; the expressions it returns are immutable.
 */
public final class Postgres {
    private Postgres() {
    }

    /** The type of a {@code tsvector} expression (a document prepared for search). */
    public static final class TsVector {
        private TsVector() {
        }
    }

    /** The type of a {@code tsquery} expression (a parsed search query). */
    public static final class TsQuery {
        private TsQuery() {
        }
    }

    // ---- arrays ----

    /**
     * {@code x = ANY(?)}: whether {@code x} is one of {@code values}, bound as one array parameter whatever their
     * number (an empty collection matches nothing). For an {@code in(...)} that always shares one statement shape.
     *
     * @throws AthanorException (when compiled) if the values' type has no array form (byte[], a custom sqlType)
     */
    public static <T> Expression<Boolean> eqAny(Expression<T> x, Collection<? extends T> values) {
        Objects.requireNonNull(values, "values");
        return new AnyArray(x, values.toArray(), false);
    }

    /** {@code x <> ALL(?)}: whether {@code x} is none of {@code values}, bound as one array parameter. */
    public static <T> Expression<Boolean> neAll(Expression<T> x, Collection<? extends T> values) {
        Objects.requireNonNull(values, "values");
        return new AnyArray(x, values.toArray(), true);
    }

    /** {@code x = ANY(array)}: whether {@code x} is an element of an array-valued expression (an array column). */
    public static Expression<Boolean> eqAny(Expression<?> x, Expression<?> array) {
        return new PostgresOnly<>("Postgres.eqAny(...)", Boolean.class, "", x, " = ANY(", array, ")");
    }

    // ---- time zones ----

    /**
     * {@code instant AT TIME ZONE zone}: the wall-clock time of a {@code timestamp with time zone} in {@code zone}
     * ({@code "Europe/Paris"}, {@code "UTC"}), as a {@code timestamp without time zone}.
     */
    public static Expression<LocalDateTime> atTimeZone(Expression<OffsetDateTime> instant, String zone) {
        return new PostgresOnly<>("Postgres.atTimeZone(...)", LocalDateTime.class, "(", instant, " AT TIME ZONE ", zone(zone),
                ")");
    }

    /** {@link #atTimeZone(Expression, String)} with a {@link ZoneId}. */
    public static Expression<LocalDateTime> atTimeZone(Expression<OffsetDateTime> instant, ZoneId zone) {
        return atTimeZone(instant, Objects.requireNonNull(zone, "zone").getId());
    }

    /**
     * {@code local AT TIME ZONE zone}: the instant at which clocks in {@code zone} show the {@code timestamp without
     * time zone} {@code local}, as a {@code timestamp with time zone}.
     */
    public static Expression<OffsetDateTime> localAtTimeZone(Expression<LocalDateTime> local, String zone) {
        return new PostgresOnly<>("Postgres.localAtTimeZone(...)", OffsetDateTime.class, "(", local, " AT TIME ZONE ",
                zone(zone), ")");
    }

    private static Expression<String> zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new AthanorException("A time zone name is required, such as \"UTC\" or \"Europe/Paris\".");
        }
        return Param.of(zone, String.class);
    }

    // ---- full-text search ----

    /** {@code to_tsvector(config, document)}: {@code document} prepared for search with text search configuration {@code config} ({@code "english"}, {@code "simple"}). */
    public static Expression<TsVector> toTsvector(String config, Expression<String> document) {
        return new PostgresOnly<>("Postgres.toTsvector(...)", TsVector.class, "to_tsvector(", config(config), ", ", document, ")");
    }

    /** {@code to_tsquery(config, query)}: a query in tsquery syntax ({@code "sql & !orm"}); a malformed one is a database error. */
    public static Expression<TsQuery> toTsquery(String config, String query) {
        return tsquery("to_tsquery", config, query);
    }

    /** {@code plainto_tsquery(config, text)}: every word of plain text, ANDed. */
    public static Expression<TsQuery> plainToTsquery(String config, String text) {
        return tsquery("plainto_tsquery", config, text);
    }

    /** {@code websearch_to_tsquery(config, text)}: search-box syntax ({@code "sql -orm"}, {@code "\"exact phrase\""}, {@code or}); never a syntax error. */
    public static Expression<TsQuery> websearchToTsquery(String config, String text) {
        return tsquery("websearch_to_tsquery", config, text);
    }

    private static Expression<TsQuery> tsquery(String function, String config, String text) {
        return new PostgresOnly<>("Postgres." + function + "(...)", TsQuery.class, function + "(", config(config), ", ",
                Param.of(Objects.requireNonNull(text, "query text"), String.class), ")");
    }

    /** {@code vector @@ query}: whether the document matches the query. */
    public static Expression<Boolean> matches(Expression<TsVector> vector, Expression<TsQuery> query) {
        return new PostgresOnly<>("Postgres.matches(...)", Boolean.class, "(", vector, " @@ ", query, ")");
    }

    /** {@code ts_rank(vector, query)}: how well the document matches, for ordering results (higher is better). */
    public static Expression<Float> tsRank(Expression<TsVector> vector, Expression<TsQuery> query) {
        return new PostgresOnly<>("Postgres.tsRank(...)", Float.class, "ts_rank(", vector, ", ", query, ")");
    }

    private static Expression<Object> config(String config) {
        if (config == null || !config.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new AthanorException("A text search configuration is a plain name such as \"english\" or \"simple\"; got "
                    + (config == null ? "null" : "\"" + config + "\"") + ".");
        }
        // bound as text and cast: the configuration is data, never SQL text
        return new Cast<>(Param.of(config, String.class), "regconfig", Object.class);
    }

    /** {@code x = ANY(?)} / {@code x <> ALL(?)} with the values as one array parameter. */
    private static final class AnyArray extends Expression<Boolean> {
        private final Expression<?> operand;
        private final Object[] values;
        private final boolean negated;

        AnyArray(Expression<?> operand, Object[] values, boolean negated) {
            this.operand = Objects.requireNonNull(operand, "x");
            this.values = values;
            this.negated = negated;
        }

        @Override
        public Class<?> javaType() {
            return Boolean.class;
        }

        @Override
        public void render(SqlBuilder b) {
            String call = negated ? "Postgres.neAll(...)" : "Postgres.eqAny(...)";
            PostgresOnly.check(b, call);
            Expression<?> hint = Param.of(null, operand).typeHint();
            if (!b.bindsAsArray(hint)) {
                throw new AthanorException(call + ": values of " + operand + " have no array form to bind (byte[], a column "
                        + "with a custom sqlType); use in(...) instead.");
            }
            b.visit(operand).sql(negated ? " <> ALL(" : " = ANY(").bindArray(values, hint).sql(")");
        }
    }
}

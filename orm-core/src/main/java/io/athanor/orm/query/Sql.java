package io.athanor.orm.query;

import io.athanor.orm.engine.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Static factories of the query language; {@code import static io.athanor.orm.query.Sql.*}.
 *
 * <pre>{@code
 * select(User_.id, User_.name, count(Order_.id).as("order_count"), sum(Order_.amount).as("total_spent"))
 *     .outerJoin(Order.class)
 *     .groupBy(User_.id, User_.name)
 * }</pre>
 *
 * Statements made here belong to no session; run them with {@code session.list(query)} or use them as
 * subqueries. Thread-safe (everything it returns is immutable).
 */
public final class Sql {
    private Sql() {
    }

    /** SELECT every column of an entity; results are entity instances. */
    public static <E> Select<E> select(Class<E> entity) {
        return Select.ofEntity(entity, null);
    }

    /** SELECT every column of an aliased entity. */
    public static <E> Select<E> select(Aliased<E> entity) {
        return Select.ofEntity(entity, null);
    }

    /** SELECT these expressions; results are {@link Row}s. */
    public static Select<Row> select(Expression<?>... columns) {
        return Select.ofColumns(Arrays.asList(columns), null);
    }

    /** SELECT these expressions; results are {@link Row}s. */
    public static Select<Row> select(List<? extends Expression<?>> columns) {
        return Select.ofColumns(List.copyOf(columns), null);
    }

    /**
     * SELECT several entities, or entities and expressions, per row: {@code select(User.class, Order.class)},
     * {@code select(User.class, count(Order_.id))}; results are {@link Row}s holding instances (see {@link EntityColumn}).
     */
    public static Select<Row> select(Class<?> entity, Object... more) {
        return Select.ofColumns(EntityColumn.columns(entity, more), null);
    }

    /** A whole entity as a column of a row, for {@code select(...)} and {@code groupBy(...)}; see {@link EntityColumn}. */
    public static <E> EntityColumn<E> entity(Class<E> entity) {
        return new EntityColumn<>(entity, entity);
    }

    /** The whole entity an alias stands for, as a column of a row. */
    public static <E> EntityColumn<E> entity(Aliased<E> entity) {
        return new EntityColumn<>(entity, entity.entityType());
    }

    /** An INSERT into {@code entity}'s table. */
    public static <E> Insert<E> insert(Class<E> entity) {
        return Insert.into(entity, null);
    }

    /** An UPDATE of {@code entity}'s table. */
    public static <E> Update<E> update(Class<E> entity) {
        return Update.of(entity, null);
    }

    /** A DELETE from {@code entity}'s table. */
    public static <E> Delete<E> delete(Class<E> entity) {
        return Delete.from(entity, null);
    }

    /** A new alias of {@code entity}, numbered by the compiler. */
    public static <E> Aliased<E> aliased(Class<E> entity) {
        return new Aliased<>(entity, null);
    }

    /** A new alias of {@code entity} named {@code name} in SQL. */
    public static <E> Aliased<E> aliased(Class<E> entity, String name) {
        return new Aliased<>(entity, name);
    }

    /** A value as an expression (a bind parameter), e.g. to compare two values or select a constant. */
    @SuppressWarnings("unchecked")
    public static <T> Expression<T> value(T value) {
        return Param.of(value, value == null ? Object.class : value.getClass());
    }

    /**
     * Raw SQL inside a statement, with named parameters bound from {@code params}:
     * {@code text("lower(name) = :n", Params.of("n", "ada"), Boolean.class)}. The text is code, not data:
     * never build it from user input; put values in {@code params}.
     *
     * @throws io.athanor.orm.error.AthanorException if a parameter has no value or a value names no parameter
     */
    public static <T> Expression<T> text(String sql, java.util.Map<String, ?> params, Class<T> type) {
        return new TextFragment<>(io.athanor.orm.engine.Text.text(sql), params, type);
    }

    /** Raw SQL without parameters, as a condition. */
    public static Expression<Boolean> text(String sql) {
        return new TextFragment<>(io.athanor.orm.engine.Text.text(sql), java.util.Map.of(), Boolean.class);
    }

    // ---- logic ----

    /** All conditions hold: {@code (a AND b AND ...)}. */
    @SafeVarargs
    public static Expression<Boolean> and(Expression<Boolean>... conditions) {
        List<Expression<Boolean>> all = new ArrayList<>(conditions.length);
        for (Expression<Boolean> condition : conditions) {      // read, never passed on: what makes it safe
            all.add(condition);
        }
        return nonEmpty("and", Logical.of(" AND ", all));
    }

    private static Expression<Boolean> nonEmpty(String what, Expression<Boolean> e) {
        if (e == null) {
            throw new io.athanor.orm.error.AthanorException(what + "() needs at least one condition.");
        }
        return e;
    }

    /** Any condition holds: {@code (a OR b OR ...)}. */
    @SafeVarargs
    public static Expression<Boolean> or(Expression<Boolean>... conditions) {
        List<Expression<Boolean>> all = new ArrayList<>(conditions.length);
        for (Expression<Boolean> condition : conditions) {
            all.add(condition);
        }
        return nonEmpty("or", Logical.of(" OR ", all));
    }

    /** {@code NOT (condition)}. */
    public static Expression<Boolean> not(Expression<Boolean> condition) {
        return new Not(condition);
    }

    /** {@code EXISTS (subquery)}. */
    public static Expression<Boolean> exists(Select<?> subquery) {
        return new Exists(subquery.subquery(), false);
    }

    /** {@code NOT EXISTS (subquery)}. */
    public static Expression<Boolean> notExists(Select<?> subquery) {
        return new Exists(subquery.subquery(), true);
    }

    // ---- aggregates ----

    /** {@code COUNT(*)}. */
    public static Expression<Long> count() {
        return new Function<>("COUNT", Long.class, new Star());
    }

    /** {@code COUNT(expression)}: rows where it is not NULL. */
    public static Expression<Long> count(Expression<?> expression) {
        return new Function<>("COUNT", Long.class, expression);
    }

    /** {@code COUNT(DISTINCT expression)}. */
    public static Expression<Long> countDistinct(Expression<?> expression) {
        return new Function<>("COUNT", Long.class, true, expression);
    }

    /** {@code SUM(expression)}; NULL over no rows. */
    public static <N extends Number> Expression<N> sum(Expression<N> expression) {
        return new Function<>("SUM", expression.javaType(), expression);
    }

    /** {@code AVG(expression)}. */
    public static Expression<Double> avg(Expression<? extends Number> expression) {
        return new Function<>("AVG", Double.class, expression);
    }

    /** {@code MIN(expression)}. */
    public static <T> Expression<T> min(Expression<T> expression) {
        return new Function<>("MIN", expression.javaType(), expression);
    }

    /** {@code MAX(expression)}. */
    public static <T> Expression<T> max(Expression<T> expression) {
        return new Function<>("MAX", expression.javaType(), expression);
    }

    // ---- windows ----

    /** An empty window: {@code OVER ()}. */
    public static Window window() {
        return new Window(List.of(), List.of());
    }

    /** A window partitioned by these expressions. */
    public static Window partitionBy(Expression<?>... expressions) {
        return window().partitionBy(expressions);
    }

    /** {@code ROW_NUMBER()}, for use with {@link Expression#over(Window)}. */
    public static Expression<Long> rowNumber() {
        return new Function<>("ROW_NUMBER", Long.class);
    }

    /** {@code RANK()}, for use with {@link Expression#over(Window)}. */
    public static Expression<Long> rank() {
        return new Function<>("RANK", Long.class);
    }

    /** {@code DENSE_RANK()}, for use with {@link Expression#over(Window)}. */
    public static Expression<Long> denseRank() {
        return new Function<>("DENSE_RANK", Long.class);
    }

    /**
     * A selected column by its label: {@code groupBy(ref("day"))}, {@code orderBy(ref("total").desc())}. Renders the
     * label as an identifier (quoted where the dialect needs); the label must be one given with {@code as(...)} in the
     * same statement. Statements combined with {@code union} are ordered this way.
     */
    public static Expression<Object> ref(String label) {
        return new LabelRef(label);
    }

    // ---- sources without an entity ----

    /**
     * Rows of values as a table: {@code values("v", "id", "label").row(1L, "one").row(2L, "two")} renders
     * {@code (VALUES (?, ?), (?, ?)) AS v (id, label)} (on MariaDB a UNION ALL of SELECTs), every value bound.
     * Select from it, join it, read its columns with {@code column("id", Long.class)}.
     *
     * @throws io.athanor.orm.error.AthanorException if a name is not a plain identifier, or there are no columns
     */
    public static ValuesList values(String alias, String... columns) {
        return new ValuesList(alias, List.of(columns), List.of());
    }

    /**
     * {@code generate_series(start, stop) AS alias (column)}: the integers from {@code start} to {@code stop}, both
     * included, as a table (PostgreSQL, H2; refused on MariaDB).
     */
    public static TableFunction generateSeries(String alias, String column, long start, long stop) {
        return TableFunction.series(alias, column, Param.of(start, Long.class), Param.of(stop, Long.class), null);
    }

    /** {@code generate_series(start, stop, step)}: every {@code step}-th integer (a negative step counts down). */
    public static TableFunction generateSeries(String alias, String column, long start, long stop, long step) {
        if (step == 0) {
            throw new io.athanor.orm.error.AthanorException("generateSeries: a step of 0 never reaches the end; give 1 or -1.");
        }
        return TableFunction.series(alias, column, Param.of(start, Long.class), Param.of(stop, Long.class),
                Param.of(step, Long.class));
    }

    /**
     * {@code unnest(?) AS alias (column)}: the elements of {@code values}, bound as one array, as the rows of a table
     * (PostgreSQL, H2; refused on MariaDB, where {@link #values} does the same).
     */
    public static <T> TableFunction unnest(String alias, String column, Class<T> type, Collection<? extends T> values) {
        return TableFunction.unnest(alias, column, values.toArray(), java.util.Objects.requireNonNull(type, "type"));
    }

    /**
     * {@code select} as a {@code LATERAL} subquery named {@code alias}: it may refer to the FROM items before it,
     * so it runs once per row of them, e.g. each user's three latest orders:
     * {@code select(User_.name, top.column("amount", BigDecimal.class)).from(User.class).crossJoin(lateral(
     * select(Order_.amount.as("amount")).where(Order_.userId.eq(User_.id)).orderBy(Order_.createdAt.desc()).limit(3), "top"))}.
     * Joined without a condition it joins ON TRUE. PostgreSQL only; compiled for another database it is refused
     * (use a window function: {@code rowNumber().over(partitionBy(...))} in a derived table).
     */
    public static DerivedTable lateral(Select<?> select, String alias) {
        return new DerivedTable(select.subquery(), checkName(alias, "alias"), true);
    }

    /** {@code name} when it is a plain SQL identifier; otherwise an error naming {@code what}. */
    static String checkName(String name, String what) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new io.athanor.orm.error.AthanorException("A " + what + " is a plain SQL identifier (letters, digits, _); got "
                    + (name == null ? "null" : "\"" + name + "\"") + ".");
        }
        return name;
    }

    // ---- functions ----

    /**
     * Any SQL function by name: {@code func("date_trunc", LocalDateTime.class, value("day"), Order_.createdAt)}.
     * The name is written as given (it is code, not data); arguments are expressions, values bound.
     *
     * @throws io.athanor.orm.error.AthanorException if the name is not a plain identifier
     */
    public static <T> Expression<T> func(String name, Class<T> resultType, Expression<?>... args) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new io.athanor.orm.error.AthanorException("Function name '" + name + "' is not a plain SQL identifier.");
        }
        return new Function<>(name, resultType, args);
    }

    /** {@code COALESCE(a, b, ...)}: the first that is not NULL. */
    @SafeVarargs
    public static <T> Expression<T> coalesce(Expression<? extends T>... expressions) {
        return new Function<>("COALESCE", expressions[0].javaType(), expressions);
    }

    /** {@code COALESCE(expression, fallback)}. */
    public static <T> Expression<T> coalesce(Expression<T> expression, T fallback) {
        return new Function<>("COALESCE", expression.javaType(), expression, Param.of(fallback, expression));
    }

    /** {@code LOWER(text)}. */
    public static Expression<String> lower(Expression<String> text) {
        return new Function<>("LOWER", String.class, text);
    }

    /** {@code UPPER(text)}. */
    public static Expression<String> upper(Expression<String> text) {
        return new Function<>("UPPER", String.class, text);
    }

    /**
     * {@code CAST(expression AS sqlType)}. The type must be a type name: a name, optionally
     * schema-qualified, then {@code (n)} or {@code (p, s)}, then {@code []} for arrays; multi-word types
     * such as {@code double precision}, {@code character varying(20)} and {@code timestamp(3) with time zone}
     * are known. It is written with single spaces; anything else is refused here, before any SQL exists.
     *
     * @throws io.athanor.orm.error.AthanorException if {@code sqlType} is not a type name
     */
    public static <T> Expression<T> cast(Expression<?> expression, String sqlType, Class<T> resultType) {
        return new Cast<>(expression, SqlTypeName.parse(sqlType), resultType);
    }

    /** {@code CASE WHEN condition THEN result ...}; add branches with {@link Case#when} and {@link Case#otherwise}. */
    public static <T> Case<T> caseWhen(Expression<Boolean> condition, T result) {
        return new Case<T>(List.of(), List.of(), null).when(condition, result);
    }

    /** {@code CASE WHEN condition THEN result ...} with an expression result. */
    public static <T> Case<T> caseWhen(Expression<Boolean> condition, Expression<T> result) {
        return new Case<T>(List.of(), List.of(), null).when(condition, result);
    }

    /** {@code *} inside {@code COUNT(*)}. */
    private static final class Star extends Expression<Object> {
        @Override
        public void render(SqlBuilder b) {
            b.sql("*");
        }
    }
}

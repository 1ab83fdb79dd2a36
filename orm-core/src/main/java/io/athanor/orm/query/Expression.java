package io.athanor.orm.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A typed SQL expression: a column, a value, a function, a comparison... Expressions are immutable
 * trees, independent of any database; a compiler for the session's dialect turns them into SQL.
 * Every Java value in an expression becomes a bind parameter, never SQL text.
 *
 * <pre>{@code
 * User_.name.like("A%").and(User_.id.in(List.of(1L, 2L)))
 * sum(Order_.amount).as("total_spent")
 * }</pre>
 *
 * <p>Immutable and thread-safe; build them once and reuse them freely. {@link #toString()} shows
 * readable SQL (with values inline) for debugging.
 *
 * @param <T> the Java type of the expression's value
 */
public abstract class Expression<T> {

    /** Renders this expression into {@code b}; see {@link SqlBuilder} for the rules. */
    public abstract void render(SqlBuilder b);

    /** The Java type of the value, where known ({@code Object} otherwise). */
    public Class<?> javaType() {
        return Object.class;
    }

    /** The mapped field this expression stands for (looking through labels and aliases), or {@code null}. */
    public Attribute<?, ?> attribute() {
        return null;
    }

    /**
     * The mapped field whose stored values this expression yields, so that results are read through that
     * field's column type (its converter, enum mapping, zone handling): the field itself, or the argument of
     * {@code MIN} and {@code MAX}; {@code null} when the value is computed.
     */
    public Attribute<?, ?> valuesOf() {
        return attribute();
    }

    // ---- comparisons ----

    /** {@code this = value}; a {@code null} value renders {@code IS NULL}. */
    public final Expression<Boolean> eq(T value) {
        return value == null ? isNull() : new Operator<>(this, " = ", Param.of(value, this));
    }

    /** {@code this = other}. */
    public final Expression<Boolean> eq(Expression<? extends T> other) {
        return new Operator<>(this, " = ", other);
    }

    /** {@code this <> value}; a {@code null} value renders {@code IS NOT NULL}. */
    public final Expression<Boolean> ne(T value) {
        return value == null ? isNotNull() : new Operator<>(this, " <> ", Param.of(value, this));
    }

    /** {@code this <> other}. */
    public final Expression<Boolean> ne(Expression<? extends T> other) {
        return new Operator<>(this, " <> ", other);
    }

    /** {@code this > value}. */
    public final Expression<Boolean> gt(T value) {
        return new Operator<>(this, " > ", Param.of(value, this));
    }

    /** {@code this > other}. */
    public final Expression<Boolean> gt(Expression<? extends T> other) {
        return new Operator<>(this, " > ", other);
    }

    /** {@code this >= value}. */
    public final Expression<Boolean> ge(T value) {
        return new Operator<>(this, " >= ", Param.of(value, this));
    }

    /** {@code this >= other}. */
    public final Expression<Boolean> ge(Expression<? extends T> other) {
        return new Operator<>(this, " >= ", other);
    }

    /** {@code this < value}. */
    public final Expression<Boolean> lt(T value) {
        return new Operator<>(this, " < ", Param.of(value, this));
    }

    /** {@code this < other}. */
    public final Expression<Boolean> lt(Expression<? extends T> other) {
        return new Operator<>(this, " < ", other);
    }

    /** {@code this <= value}. */
    public final Expression<Boolean> le(T value) {
        return new Operator<>(this, " <= ", Param.of(value, this));
    }

    /** {@code this <= other}. */
    public final Expression<Boolean> le(Expression<? extends T> other) {
        return new Operator<>(this, " <= ", other);
    }

    /** {@code this BETWEEN low AND high}. */
    public final Expression<Boolean> between(T low, T high) {
        return new Between(this, Param.of(low, this), Param.of(high, this));
    }

    /** {@code this IS NULL}. */
    public final Expression<Boolean> isNull() {
        return new Postfix<>(this, " IS NULL");
    }

    /** {@code this IS NOT NULL}. */
    public final Expression<Boolean> isNotNull() {
        return new Postfix<>(this, " IS NOT NULL");
    }

    /**
     * {@code this IN (v1, v2, ...)}, one bind parameter per value.
     *
     * @throws io.athanor.orm.error.AthanorException if {@code values} is empty ({@code IN ()} is not SQL)
     */
    public final Expression<Boolean> in(Collection<? extends T> values) {
        return new InList(this, values, false);
    }

    /** {@code this IN (v1, v2, ...)}. */
    @SafeVarargs
    public final Expression<Boolean> in(T... values) {
        List<T> all = new ArrayList<>(values.length);
        for (T value : values) {                                 // read, never passed on: what makes it safe
            all.add(value);
        }
        return in(all);
    }

    /** {@code this IN (subquery)}; the subquery selects one column. */
    public final Expression<Boolean> in(Select<?> subquery) {
        return new InSelect(this, subquery, false);
    }

    /** {@code this NOT IN (v1, v2, ...)}. */
    public final Expression<Boolean> notIn(Collection<? extends T> values) {
        return new InList(this, values, true);
    }

    /** {@code this NOT IN (subquery)}. */
    public final Expression<Boolean> notIn(Select<?> subquery) {
        return new InSelect(this, subquery, true);
    }

    /** {@code this LIKE pattern} (case-sensitive on PostgreSQL and H2; MariaDB follows the column's collation). */
    public final Expression<Boolean> like(String pattern) {
        return new Operator<>(this, " LIKE ", Param.pattern(pattern, this));
    }

    /** {@code this NOT LIKE pattern}. */
    public final Expression<Boolean> notLike(String pattern) {
        return new Operator<>(this, " NOT LIKE ", Param.pattern(pattern, this));
    }

    /** Case-insensitive LIKE: {@code ILIKE} on PostgreSQL and H2, {@code LOWER(x) LIKE LOWER(p)} elsewhere. */
    public final Expression<Boolean> ilike(String pattern) {
        return new ILike(this, Param.pattern(pattern, this));
    }

    // ---- logic (on boolean expressions) ----

    /** {@code this AND other}. */
    public final Expression<Boolean> and(Expression<Boolean> other) {
        return Logical.of(" AND ", List.of(bool(this), other));
    }

    /** {@code this OR other}. */
    public final Expression<Boolean> or(Expression<Boolean> other) {
        return Logical.of(" OR ", List.of(bool(this), other));
    }

    @SuppressWarnings("unchecked")
    static Expression<Boolean> bool(Expression<?> e) {
        return (Expression<Boolean>) e;
    }

    // ---- arithmetic and text ----

    /** {@code this + value}. */
    public final Expression<T> plus(T value) {
        return new Operator<>(this, " + ", Param.of(value, this));
    }

    /** {@code this + other}. */
    public final Expression<T> plus(Expression<? extends T> other) {
        return new Operator<>(this, " + ", other);
    }

    /** {@code this - value}. */
    public final Expression<T> minus(T value) {
        return new Operator<>(this, " - ", Param.of(value, this));
    }

    /** {@code this - other}. */
    public final Expression<T> minus(Expression<? extends T> other) {
        return new Operator<>(this, " - ", other);
    }

    /** {@code this * value}. */
    public final Expression<T> times(T value) {
        return new Operator<>(this, " * ", Param.of(value, this));
    }

    /** {@code this * other}. */
    public final Expression<T> times(Expression<? extends T> other) {
        return new Operator<>(this, " * ", other);
    }

    /** {@code this / value}. */
    public final Expression<T> dividedBy(T value) {
        return new Operator<>(this, " / ", Param.of(value, this));
    }

    /** {@code this / other}. */
    public final Expression<T> dividedBy(Expression<? extends T> other) {
        return new Operator<>(this, " / ", other);
    }

    /**
     * This date or timestamp moved forward by a {@link java.time.Period} or {@link java.time.Duration}
     * ({@code Order_.createdAt.plusInterval(Duration.ofHours(36))}), rendered with each database's date
     * arithmetic; a date moves by whole days only.
     *
     * @throws io.athanor.orm.error.AthanorException if this is not a date or timestamp, or the amount is neither
     */
    public final Expression<T> plusInterval(java.time.temporal.TemporalAmount amount) {
        return DateArithmetic.of(this, amount, false, "plusInterval(...)");
    }

    /** This date or timestamp moved back by {@code amount}; see {@link #plusInterval}. */
    public final Expression<T> minusInterval(java.time.temporal.TemporalAmount amount) {
        return DateArithmetic.of(this, amount, true, "minusInterval(...)");
    }

    /** This date or timestamp plus {@code days} calendar days; see {@link #plusInterval}. */
    public final Expression<T> plusDays(int days) {
        return DateArithmetic.of(this, java.time.Period.ofDays(days), false, "plusDays(...)");
    }

    /** This date or timestamp minus {@code days} calendar days; see {@link #plusInterval}. */
    public final Expression<T> minusDays(int days) {
        return DateArithmetic.of(this, java.time.Period.ofDays(days), true, "minusDays(...)");
    }

    /** String concatenation ({@code CONCAT(this, other)}, which every dialect has). */
    public final Expression<String> concat(Expression<?> other) {
        return new Function<>("CONCAT", String.class, this, other);
    }

    /** String concatenation with a value. */
    public final Expression<String> concat(String value) {
        return new Function<>("CONCAT", String.class, this, Param.of(value, String.class));
    }

    // ---- naming and ordering ----

    /** This expression with a column label: {@code expr AS label}, the seed's {@code .label('order_count')}. */
    public final Expression<T> as(String label) {
        return new Label<>(this, label);
    }

    /** This (aggregate or ranking) function over a window: {@code f(...) OVER (PARTITION BY ... ORDER BY ...)}. */
    public final Expression<T> over(Window window) {
        return new Over<>(this, window);
    }

    /** Ascending order, for {@code orderBy}. */
    public final Order asc() {
        return new Order(this, true, null);
    }

    /** Descending order, for {@code orderBy}. */
    public final Order desc() {
        return new Order(this, false, null);
    }

    /** Readable SQL, values inline, for debugging (not what is sent to the database). */
    @Override
    public String toString() {
        return DebugSql.render(this);
    }
}

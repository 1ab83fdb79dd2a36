package io.athanor.orm.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A searched {@code CASE WHEN ... THEN ... ELSE ... END}, built with {@link Sql#caseWhen}:
 *
 * <pre>{@code caseWhen(Order_.amount.gt(big), "large").when(Order_.amount.gt(small), "medium").otherwise("small")}</pre>
 *
 * Immutable: each call returns a new expression.
 *
 * @param <T> the type of the results
 */
public final class Case<T> extends Expression<T> {
    private final List<Expression<Boolean>> conditions;
    private final List<Expression<?>> results;
    private final Expression<?> otherwise;

    Case(List<Expression<Boolean>> conditions, List<Expression<?>> results, Expression<?> otherwise) {
        this.conditions = conditions;
        this.results = results;
        this.otherwise = otherwise;
    }

    /** Adds a branch with a value result. */
    public Case<T> when(Expression<Boolean> condition, T result) {
        return when(condition, Param.<T>of(result, result == null ? Object.class : result.getClass()));
    }

    /** Adds a branch with an expression result. */
    public Case<T> when(Expression<Boolean> condition, Expression<? extends T> result) {
        List<Expression<Boolean>> c = new ArrayList<>(conditions);
        c.add(condition);
        List<Expression<?>> r = new ArrayList<>(results);
        r.add(result);
        return new Case<>(List.copyOf(c), List.copyOf(r), otherwise);
    }

    /** The ELSE value. */
    public Case<T> otherwise(T result) {
        return new Case<>(conditions, results, Param.of(result, result == null ? Object.class : result.getClass()));
    }

    /** The ELSE expression. */
    public Case<T> otherwise(Expression<? extends T> result) {
        return new Case<>(conditions, results, result);
    }

    @Override
    public Class<?> javaType() {
        return results.get(0).javaType();
    }

    @Override
    public void render(SqlBuilder b) {
        b.sql("CASE");
        for (int i = 0; i < conditions.size(); i++) {
            b.sql(" WHEN ").visit(conditions.get(i)).sql(" THEN ").visit(results.get(i));
        }
        if (otherwise != null) {
            b.sql(" ELSE ").visit(otherwise);
        }
        b.sql(" END");
    }
}

package io.athanor.orm.query;

/**
 * A SQL statement of the query language: a {@link Select} or a data change ({@link Insert},
 * {@link Update}, {@link Delete}). Immutable; rendered by the compiler through {@link #render(SqlBuilder)}.
 */
public interface Statement {

    /** Renders the statement; called by the compiler. */
    void render(SqlBuilder b);

    /** The expressions whose values the statement returns (a SELECT's columns, a RETURNING clause), in order. */
    java.util.List<Expression<?>> returnedColumns();

    /** The entity a data change writes to, or {@code null} for a SELECT. */
    default Class<?> target() {
        return null;
    }

    /** The label each returned column reads back under. */
    java.util.List<String> returnedLabels();
}

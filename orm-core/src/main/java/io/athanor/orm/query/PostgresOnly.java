package io.athanor.orm.query;

import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.error.AthanorException;
import java.util.List;

/**
 * An expression only PostgreSQL has, built by {@link Postgres}: a template of SQL fragments and operands,
 * refused with a clear error when compiled for another database.
 */
final class PostgresOnly<T> extends Expression<T> {
    /** What the user called, for the error: {@code Postgres.matches(...)}. */
    private final String call;
    private final Class<?> type;
    /** SQL text and operands, alternating as written: a String is SQL, an Expression is rendered. */
    private final List<Object> parts;

    PostgresOnly(String call, Class<?> type, Object... parts) {
        this.call = call;
        this.type = type;
        this.parts = List.of(parts);
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public void render(SqlBuilder b) {
        check(b, call);
        for (Object p : parts) {
            if (p instanceof String) {
                b.sql((String) p);
            } else {
                b.visit((Expression<?>) p);
            }
        }
    }

    /** Refuses to render {@code call} for any database but PostgreSQL. */
    static void check(SqlBuilder b, String call) {
        if (!(b.dialect() instanceof PostgresDialect)) {
            throw new AthanorException(call + " is PostgreSQL's, and this statement is compiled for " + b.dialect().displayName()
                    + ", which has no such operator or function. Run it on PostgreSQL, or write the condition with what "
                    + b.dialect().displayName() + " has (Sql.func(...), like/ilike, in(...)).");
        }
    }
}

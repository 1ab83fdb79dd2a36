package io.athanor.orm.query;

import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.dialect.MariaDbDialect;
import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.error.AthanorException;
import java.util.List;

/**
 * An expression written differently per database, built by {@link SqlArrays} and {@link SqlJson}: for each of
 * PostgreSQL, H2 and MariaDB a template of SQL fragments and operands, or none where that database cannot express
 * it, in which case compiling it there is refused with an error naming the call and what to do instead.
 * Immutable.
 */
final class DialectTemplate<T> extends Expression<T> {
    /** What the user called, for the error: {@code SqlArrays.overlaps(...)}. */
    private final String call;
    private final Class<?> type;
    private final List<Object> postgres;
    private final List<Object> h2;
    private final List<Object> mariadb;
    /** What to do instead where there is no template, for the error. */
    private final String instead;

    /**
     * Each template alternates as written: a String is SQL, an {@link Expression} is rendered, a {@link BoundArray}
     * is one array parameter; {@code null} where the database has no way to write it.
     */
    DialectTemplate(String call, Class<?> type, List<Object> postgres, List<Object> h2, List<Object> mariadb, String instead) {
        this.call = call;
        this.type = type;
        this.postgres = postgres;
        this.h2 = h2;
        this.mariadb = mariadb;
        this.instead = instead;
    }

    /** Values bound as one array parameter, typed as values compared with {@code hint} are. */
    record BoundArray(Object[] values, Expression<?> hint) {
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public void render(SqlBuilder b) {
        List<Object> parts = b.dialect() instanceof PostgresDialect ? postgres : b.dialect() instanceof H2Dialect ? h2
                : b.dialect() instanceof MariaDbDialect ? mariadb : null;
        if (parts == null) {
            throw new AthanorException(call + " has no equivalent on " + b.dialect().displayName() + ", for which this "
                    + "statement is compiled. " + instead);
        }
        for (Object p : parts) {
            if (p instanceof String) {
                b.sql((String) p);
            } else if (p instanceof BoundArray) {
                BoundArray a = (BoundArray) p;
                b.bindArray(a.values(), a.hint());
            } else {
                b.visit((Expression<?>) p);
            }
        }
    }
}

package io.athanor.orm.query;

import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import java.util.List;

/** What INSERT, UPDATE and DELETE share: a target entity, RETURNING, and running through a session. */
abstract class Change<E> implements Statement {
    final Class<E> entity;
    final List<Expression<?>> returning;
    final QueryExecutor executor;
    final Synchronize sync;

    Change(Class<E> entity, List<Expression<?>> returning, QueryExecutor executor, Synchronize sync) {
        this.entity = entity;
        this.returning = returning;
        this.executor = executor;
        this.sync = sync;
    }

    /** What running this statement through a session does to that session's instances of its entity. */
    public Synchronize synchronization() {
        return sync;
    }

    abstract String verb();

    @Override
    public Class<?> target() {
        return entity;
    }

    @Override
    public List<Expression<?>> returnedColumns() {
        return returning;
    }

    @Override
    public List<String> returnedLabels() {
        return Labels.of(returning);
    }

    void renderReturning(SqlBuilder b) {
        if (returning.isEmpty()) {
            return;
        }
        if (!b.dialect().supportsReturningOn(verb())) {
            throw new AthanorException("RETURNING is not supported by " + b.dialect().name() + " on " + verb()
                    + "; run a SELECT after the change instead.");
        }
        b.sql(" RETURNING ");
        for (int i = 0; i < returning.size(); i++) {
            if (i > 0) {
                b.sql(", ");
            }
            Expression<?> e = returning.get(i);
            if (e instanceof Attribute) {
                b.columnName((Attribute<?, ?>) e);
            } else {
                Label.renderSelected(b, e);
            }
        }
    }

    private QueryExecutor executor() {
        if (executor == null) {
            throw new AthanorException("This " + verb() + " belongs to no session: build it with session." + verb().toLowerCase(
                    java.util.Locale.ROOT) + "(...), or run it with session.execute(statement).");
        }
        return executor;
    }

    /** Runs the statement and returns how many rows it changed. */
    public long execute() {
        return executor().execute(this);
    }

    /** Runs a statement with RETURNING and returns the rows it gave back. */
    public List<Row> fetch() {
        if (returning.isEmpty()) {
            throw new AthanorException("fetch() needs a RETURNING clause: add returning(...), or use execute().");
        }
        return executor().fetch(this);
    }

    @Override
    public String toString() {
        return DebugSql.render(this);
    }
}

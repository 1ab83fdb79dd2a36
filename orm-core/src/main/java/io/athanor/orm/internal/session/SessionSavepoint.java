package io.athanor.orm.internal.session;

import io.athanor.orm.engine.Savepoint;

/**
 * A savepoint of a session (SQLAlchemy's nested transaction): its rollback undoes the database's work since
 * it began and puts the session's instances back as they were then; its release keeps both.
 */
final class SessionSavepoint implements Savepoint {
    private final DefaultSession session;
    private final Savepoint database;
    private final int mark;
    private boolean ended;

    SessionSavepoint(DefaultSession session, Savepoint database, int mark) {
        this.session = session;
        this.database = database;
        this.mark = mark;
    }

    @Override
    public String name() {
        return database.name();
    }

    @Override
    public void rollback() {
        if (ended) {
            throw new IllegalStateException("Cannot roll back savepoint " + name() + ": it was released. Begin a new "
                    + "one with beginNested().");
        }
        database.rollback();
        session.rolledBackTo(mark);
    }

    @Override
    public void release() {
        if (ended) {
            throw new IllegalStateException("Cannot release savepoint " + name() + ": it was already released.");
        }
        database.release();
        ended = true;
    }
}

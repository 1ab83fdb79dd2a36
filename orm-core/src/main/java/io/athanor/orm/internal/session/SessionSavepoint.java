package io.athanor.orm.internal.session;

import io.athanor.orm.engine.Savepoint;

/**
 * A savepoint of a session (SQLAlchemy's nested transaction): its rollback undoes the database's work since
 * it began and puts the session's instances back as they were then; its release keeps both.
 */
final class SessionSavepoint implements Savepoint {
    private final DefaultSession session;
    private final Savepoint database;
    private final SessionTransaction tx;
    private final int mark;

    SessionSavepoint(DefaultSession session, SessionTransaction tx, Savepoint database, int mark) {
        this.session = session;
        this.tx = tx;
        this.database = database;
        this.mark = mark;
    }

    @Override
    public String name() {
        return database.name();
    }

    /**
     * Rolls the database back to this savepoint and the session's instances with it; savepoints begun after it
     * end. Allowed after a flush inside it failed: the session is usable again afterwards.
     */
    @Override
    public void rollback() {
        tx.checkSavepointRollback(this);
        database.rollback();
        session.rolledBackTo(mark);
        tx.savepointRolledBack(this);
    }

    /** Keeps the work done since this savepoint began, and ends it (and those begun after it). */
    @Override
    public void release() {
        tx.savepointReleased(this);
        database.release();
    }
}

package io.athanor.orm.internal.session;

import io.athanor.orm.JoinedSession;
import io.athanor.orm.Session;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.internal.DefaultSessionFactory;

/** The owner's handle on a {@link DefaultSession} that runs in the owner's transaction. One thread's. */
public final class JoinedHandle implements JoinedSession {
    private final DefaultSession session;

    private JoinedHandle(DefaultSession session) {
        this.session = session;
    }

    /** A session of {@code factory} on {@code borrowed}, whose transaction its owner ends. */
    public static JoinedSession open(DefaultSessionFactory factory, SessionOptions options, Connection borrowed) {
        return new JoinedHandle(new DefaultSession(factory, options,
                java.util.Objects.requireNonNull(borrowed, "the owner's connection")));
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void beforeCommit() {
        if (session.isOpen()) {
            session.flushBeforeCommit();
        }
    }

    @Override
    public void committed() {
        if (session.isOpen()) {
            session.ownerCommitted();
        }
    }

    @Override
    public void rolledBack() {
        if (session.isOpen()) {
            session.ownerRolledBack();
        }
    }

    @Override
    public Mark mark() {
        if (!session.isOpen()) {
            throw new IllegalStateException("This joined session is closed; the owner's savepoint cannot be marked in it.");
        }
        int mark = session.undoMark();
        session.flush();
        return () -> {
            if (!session.isOpen()) {
                throw new IllegalStateException("This joined session is closed; there is nothing to roll back in it.");
            }
            session.rolledBackTo(mark);
        };
    }

    @Override
    public void close() {
        session.close();
    }
}

package io.athanor.orm.internal.session;

import io.athanor.orm.Session;
import io.athanor.orm.SessionListener;
import io.athanor.orm.engine.Registration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session factory's {@link SessionListener}s. Thread-safe; with none registered each call is one volatile
 * read. A listener that throws is logged and the others still run.
 */
public final class SessionListeners {
    private static final Logger LOG = LoggerFactory.getLogger("io.athanor.orm.session.events");

    private final CopyOnWriteArrayList<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean any;

    /** Adds {@code listener}; the registration removes it. */
    public Registration add(SessionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listen() needs a SessionListener; it was null.");
        }
        listeners.add(listener);
        any = true;
        return () -> {
            listeners.remove(listener);
            any = !listeners.isEmpty();
        };
    }

    boolean any() {
        return any;
    }

    void opened(Session s) {
        if (any) {
            each(l -> l.opened(s));
        }
    }

    void closed(Session s) {
        if (any) {
            each(l -> l.closed(s));
        }
    }

    void flushed(Session s, int entities) {
        if (any && entities > 0) {
            each(l -> l.flushed(s, entities));
        }
    }

    void transactionBegun(Session s) {
        if (any) {
            each(l -> l.transactionBegun(s));
        }
    }

    void transactionEnded(Session s, boolean committed, Throwable failure) {
        if (any) {
            each(l -> l.transactionEnded(s, committed, failure));
        }
    }

    private void each(java.util.function.Consumer<SessionListener> call) {
        for (SessionListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("A session listener ({}) threw; the session goes on", l.getClass().getName(), e);
            }
        }
    }
}

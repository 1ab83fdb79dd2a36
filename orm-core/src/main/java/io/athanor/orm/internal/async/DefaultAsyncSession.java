package io.athanor.orm.internal.async;

import io.athanor.orm.AsyncSession;
import io.athanor.orm.Session;
import io.athanor.orm.internal.session.DefaultSession;
import io.athanor.orm.query.Select;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One session driven from futures. Each call is a {@link Step}; a step is handed to a worker only when the
 * work of the step before it has ended (cancelled steps included), so the session is used by one thread
 * at a time, in call order.
 */
final class DefaultAsyncSession implements AsyncSession {
    private final DefaultAsyncSessionFactory owner;
    private final DefaultSession session;
    /** Completes when the work of the last step called so far has ended; guarded by this. */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private boolean permitHeld;

    DefaultAsyncSession(DefaultAsyncSessionFactory owner, DefaultSession session) {
        this.owner = owner;
        this.session = session;
    }

    @Override
    public <T> CompletableFuture<T> call(Function<Session, T> work) {
        Step<T> step = new Step<>();
        CompletableFuture<Void> previous;
        synchronized (this) {
            previous = tail;
            tail = step.ended();
        }
        Runnable task = owner.inCallersContext(() -> run(step, work));
        previous.whenComplete((ignored, never) -> owner.execute(task, step::reject));
        return step.result();
    }

    private <T> void run(Step<T> step, Function<Session, T> work) {
        T value = null;
        Throwable failure = null;
        try {
            if (!step.cancelled()) {
                acquire();
            }
            if (!step.start()) {
                return;
            }
            step.attach(session);
            try {
                if (!step.cancelled()) {
                    value = work.apply(session);
                }
            } catch (Throwable t) {
                failure = t;
            }
            if (!step.stop()) {
                Step.rollBackCancelled(session, failure);
            }
        } catch (Throwable t) {
            failure = failure == null ? t : failure;
        } finally {
            step.end(value, failure);
        }
    }

    private void acquire() {
        synchronized (this) {
            if (permitHeld) {
                return;
            }
        }
        owner.permits().acquireUninterruptibly();
        synchronized (this) {
            permitHeld = true;
        }
    }

    @Override
    public <E> CompletableFuture<E> get(Class<E> type, Object id) {
        return call(s -> s.get(type, id));
    }

    @Override
    public <R> CompletableFuture<List<R>> list(Select<R> query) {
        return call(s -> s.list(query));
    }

    @Override
    public CompletableFuture<Void> add(Object entity) {
        return call(s -> {
            s.add(entity);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> flush() {
        return call(s -> {
            s.flush();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> commit() {
        return call(s -> {
            s.commit();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> rollback() {
        return call(s -> {
            s.rollback();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        synchronized (this) {
            previous = tail;
            tail = closed;
        }
        Runnable task = owner.inCallersContext(() -> {
            try {
                closeNow();
                closed.complete(null);
            } catch (Throwable t) {
                closed.completeExceptionally(t);
            }
        });
        previous.whenComplete((ignored, never) -> owner.executeOrRunHere(task));
        return closed.copy();
    }

    private void closeNow() {
        try {
            session.close();
        } finally {
            synchronized (this) {
                if (permitHeld) {
                    permitHeld = false;
                    owner.permits().release();
                }
            }
        }
    }

    @Override
    public void close() {
        closeAsync().join();
    }
}

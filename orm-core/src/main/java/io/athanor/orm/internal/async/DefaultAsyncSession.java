package io.athanor.orm.internal.async;

import io.athanor.orm.AsyncSession;
import io.athanor.orm.Session;
import io.athanor.orm.internal.session.DefaultSession;
import io.athanor.orm.query.Select;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** One session driven from futures: operations chained so that they run one after another. */
final class DefaultAsyncSession implements AsyncSession {
    private final DefaultAsyncSessionFactory owner;
    private final DefaultSession session;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private boolean permitHeld;

    DefaultAsyncSession(DefaultAsyncSessionFactory owner, DefaultSession session) {
        this.owner = owner;
        this.session = session;
    }

    @Override
    public synchronized <T> CompletableFuture<T> call(Function<Session, T> work) {
        CompletableFuture<T> next = tail.handle((ignored, failure) -> null).thenApplyAsync(v -> {
            acquire();
            return work.apply(session);
        }, owner.executor());
        tail = next;
        return next;
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
        synchronized (this) {
            CompletableFuture<Void> closed = tail.handle((ignored, failure) -> null).thenRunAsync(() -> {
                session.close();
                synchronized (this) {
                    if (permitHeld) {
                        permitHeld = false;
                        owner.permits().release();
                    }
                }
            }, owner.executor());
            tail = closed;
            return closed;
        }
    }

    @Override
    public void close() {
        closeAsync().join();
    }
}

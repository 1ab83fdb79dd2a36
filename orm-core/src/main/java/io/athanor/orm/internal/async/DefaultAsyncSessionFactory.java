package io.athanor.orm.internal.async;

import io.athanor.orm.AsyncSession;
import io.athanor.orm.AsyncSessionFactory;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.internal.session.DefaultSession;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Runs session work on virtual threads (Java 21+) or a bounded pool, at most as many at once as the pool has connections. */
public final class DefaultAsyncSessionFactory implements AsyncSessionFactory {
    private final SessionFactory sessions;
    private final ExecutorService executor;
    private final Semaphore permits;

    public DefaultAsyncSessionFactory(SessionFactory sessions) {
        this.sessions = sessions;
        int max = sessions.engine().pool().known() ? sessions.engine().pool().max() : 10;
        this.permits = new Semaphore(max, true);
        this.executor = virtualThreads().orElseGet(() -> Executors.newFixedThreadPool(max, r -> {
            Thread t = new Thread(r, "athanor-async");
            t.setDaemon(true);
            return t;
        }));
    }

    private static java.util.Optional<ExecutorService> virtualThreads() {
        try {
            Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return java.util.Optional.of((ExecutorService) m.invoke(null));
        } catch (ReflectiveOperationException e) {
            return java.util.Optional.empty();
        }
    }

    ExecutorService executor() {
        return executor;
    }

    Semaphore permits() {
        return permits;
    }

    @Override
    public <T> CompletableFuture<T> run(Function<Session, T> work) {
        return submit(work, false);
    }

    @Override
    public <T> CompletableFuture<T> inTransaction(Function<Session, T> work) {
        return submit(work, true);
    }

    private <T> CompletableFuture<T> submit(Function<Session, T> work, boolean commit) {
        AtomicReference<DefaultSession> running = new AtomicReference<>();
        CancellableFuture<T> future = new CancellableFuture<>(running);
        executor.execute(() -> {
            if (future.isDone()) {
                return;
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.completeExceptionally(e);
                return;
            }
            try (DefaultSession s = (DefaultSession) sessions.open()) {
                running.set(s);
                if (future.isDone()) {
                    return;
                }
                T result;
                try {
                    result = work.apply(s);
                    if (commit) {
                        s.commit();
                    }
                } catch (RuntimeException | Error e) {
                    rollbackQuietly(s, e);
                    throw e;
                }
                future.complete(result);
            } catch (Throwable t) {
                future.completeExceptionally(t);
            } finally {
                running.set(null);
                permits.release();
            }
        });
        return future;
    }

    static void rollbackQuietly(Session s, Throwable failure) {
        try {
            s.rollback();
        } catch (RuntimeException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    @Override
    public AsyncSession open() {
        return new DefaultAsyncSession(this, (DefaultSession) sessions.open());
    }

    /** A future whose cancel() also cancels the statement its session is running. */
    static final class CancellableFuture<T> extends CompletableFuture<T> {
        private final AtomicReference<DefaultSession> running;

        CancellableFuture(AtomicReference<DefaultSession> running) {
            this.running = running;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            DefaultSession s = running.get();
            if (cancelled && s != null) {
                s.cancelRunningStatement();
            }
            return cancelled;
        }
    }
}

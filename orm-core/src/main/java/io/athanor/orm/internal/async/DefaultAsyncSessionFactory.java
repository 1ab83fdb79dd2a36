package io.athanor.orm.internal.async;

import io.athanor.orm.AsyncSession;
import io.athanor.orm.AsyncSessionFactory;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.internal.session.DefaultSession;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs session work on virtual threads (Java 21+) or a bounded pool, at most as many at once as the pool has
 * connections. The executor belongs to the engine's lifetime: it shuts down when the engine closes, and the
 * pool's threads also end after a minute without work.
 */
public final class DefaultAsyncSessionFactory implements AsyncSessionFactory {
    private static final long IDLE_SECONDS = 60;

    private final SessionFactory sessions;
    private final ExecutorService executor;
    private final Semaphore permits;

    public DefaultAsyncSessionFactory(SessionFactory sessions) {
        this.sessions = sessions;
        int max = sessions.engine().pool().known() ? sessions.engine().pool().max() : 10;
        this.permits = new Semaphore(max, true);
        this.executor = virtualThreads().orElseGet(() -> pool(max, sessions.engine().config().name()));
        sessions.engine().events().onClose(executor::shutdown);
    }

    private static ExecutorService pool(int max, String engineName) {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(max, max, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "athanor-async-" + engineName + "-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static Optional<ExecutorService> virtualThreads() {
        try {
            Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return Optional.of((ExecutorService) m.invoke(null));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /** Hands {@code task} to a worker, or {@code rejected} the reason there is none (the engine closed). */
    void execute(Runnable task, Consumer<Throwable> rejected) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            rejected.accept(new IllegalStateException("The engine '" + sessions.engine().config().name() + "' is closed, "
                    + "so this async work cannot run; build a new engine and session factory.", e));
        }
    }

    /** Hands {@code task} to a worker, or runs it on this thread once the engine has closed (for closing sessions). */
    void executeOrRunHere(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
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
        Step<T> step = new Step<>();
        execute(() -> runAlone(step, work, commit), step::reject);
        return step.result();
    }

    /** Runs {@code work} in a session of its own: a cancelled step neither runs nor commits, and is rolled back. */
    private <T> void runAlone(Step<T> step, Function<Session, T> work, boolean commit) {
        T value = null;
        Throwable failure = null;
        boolean permitted = false;
        try {
            if (step.cancelled()) {
                return;
            }
            permits.acquire();
            permitted = true;
            if (!step.start()) {
                return;
            }
            try (DefaultSession s = (DefaultSession) sessions.open()) {
                step.attach(s);
                try {
                    if (!step.cancelled()) {
                        value = work.apply(s);
                    }
                } catch (Throwable t) {
                    failure = t;
                }
                if (!step.stop()) {
                    Step.rollBackCancelled(s, failure);
                } else if (failure != null) {
                    rollbackQuietly(s, failure);
                } else if (commit) {
                    try {
                        s.commit();
                    } catch (Throwable t) {
                        failure = t;
                        rollbackQuietly(s, t);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (Throwable t) {
            failure = failure == null ? t : failure;
        } finally {
            if (permitted) {
                permits.release();
            }
            step.end(value, failure);
        }
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
}

package io.athanor.orm.internal.async;

import io.athanor.orm.AsyncSession;
import io.athanor.orm.AsyncSessionFactory;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.internal.session.DefaultSession;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
import org.slf4j.MDC;

/**
 * Runs session work on the engine's own threads (virtual threads on Java 21+, else a bounded pool) or on an
 * executor the application gives, at most as many at once as the pool has connections. The engine's threads
 * shut down when the engine closes, and the pool's threads also end after a minute without work; an
 * application's executor is left to the application. Each task runs with the caller's SLF4J MDC.
 */
public final class DefaultAsyncSessionFactory implements AsyncSessionFactory {
    private static final long IDLE_SECONDS = 60;

    private final SessionFactory sessions;
    private final Executor executor;
    private final Semaphore permits;
    private volatile boolean engineClosed;

    /** Work runs on threads of the engine's own, ended with the engine. */
    public DefaultAsyncSessionFactory(SessionFactory sessions) {
        this(sessions, null);
    }

    /** Work runs on {@code executor}, or on threads of the engine's own when it is null. */
    public DefaultAsyncSessionFactory(SessionFactory sessions, Executor executor) {
        this.sessions = sessions;
        int max = sessions.engine().pool().known() ? sessions.engine().pool().max() : 10;
        this.permits = new Semaphore(max, true);
        if (executor == null) {
            ExecutorService own = VirtualThreads.executor().orElseGet(() -> pool(max, sessions.engine().config().name()));
            this.executor = own;
            sessions.engine().events().onClose(() -> {
                engineClosed = true;
                own.shutdown();
            });
        } else {
            this.executor = executor;
            sessions.engine().events().onClose(() -> engineClosed = true);
        }
    }

    /** The executor work runs on (for tests and diagnostics). */
    public Executor executor() {
        return executor;
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

    /**
     * {@code task} as it will run on a worker: with the MDC of the thread calling this now, and the worker's own
     * MDC put back afterwards.
     */
    Runnable inCallersContext(Runnable task) {
        Map<String, String> callers = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> workers = MDC.getCopyOfContextMap();
            setMdc(callers);
            try {
                task.run();
            } finally {
                setMdc(workers);
            }
        };
    }

    private static void setMdc(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    private IllegalStateException closed(Throwable cause) {
        return new IllegalStateException("The engine '" + sessions.engine().config().name() + "' is closed, "
                + "so this async work cannot run; build a new engine and session factory.", cause);
    }

    /** Hands {@code task} to a worker, or {@code rejected} the reason there is none (the engine closed). */
    void execute(Runnable task, Consumer<Throwable> rejected) {
        if (engineClosed) {
            rejected.accept(closed(null));
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            rejected.accept(engineClosed ? closed(e) : new RejectedExecutionException("The executor given to "
                    + "sessions.async(executor) refused this work (" + e.getMessage() + "); give it room for as many "
                    + "tasks as the engine has connections, or let it queue them.", e));
        }
    }

    /** Hands {@code task} to a worker, or runs it on this thread once the engine has closed (for closing sessions). */
    void executeOrRunHere(Runnable task) {
        if (engineClosed) {
            task.run();
            return;
        }
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
        execute(inCallersContext(() -> runAlone(step, work, commit)), step::reject);
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

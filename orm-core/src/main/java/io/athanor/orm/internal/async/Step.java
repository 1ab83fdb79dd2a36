package io.athanor.orm.internal.async;

import io.athanor.orm.Session;
import io.athanor.orm.internal.session.DefaultSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of session work run on a worker thread, and the future its caller holds.
 *
 * <p>The caller's future ({@link #result()}) and the end of the work ({@link #ended()}) are two futures:
 * cancelling the first completes it at once, while the second completes only when the work has really
 * stopped and the session has been rolled back, so whatever runs next on the session chains on
 * {@link #ended()}. Cancelling a step that has not started keeps it from running; cancelling a running
 * one cancels the statement its session is running, again every {@value #RECANCEL_MILLIS} ms while the
 * work goes on (the driver ignores a cancel that falls between two statements), and makes the worker
 * roll the session back once the work has stopped.
 *
 * <p>The worker calls {@link #start()}, {@link #attach}, {@link #stop()}, {@link #rollBackCancelled}
 * (when cancelled) and {@link #end} in that order; {@link Result#cancel} may come from any thread at any time.
 */
final class Step<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Step.class);
    static final long RECANCEL_MILLIS = 100;
    private static final Executor RECANCEL = CompletableFuture.delayedExecutor(RECANCEL_MILLIS, TimeUnit.MILLISECONDS);

    private enum State { WAITING, RUNNING, CANCELLED, DONE }

    private final Result<T> result = new Result<>(this);
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** Guarded by this, like the two fields below. */
    private State state = State.WAITING;
    /** The session whose statements a cancel stops; set once the work has one. */
    private DefaultSession session;
    /** The work has stopped: no statement cancel may reach the session any more. */
    private boolean stopped;

    /** The caller's future; its cancel() stops the work. */
    CompletableFuture<T> result() {
        return result;
    }

    /** Completes (normally, always) once the work has stopped and a cancelled step's rollback has finished. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /** On the worker, before the work: whether to run it; false when the step was cancelled before it started. */
    synchronized boolean start() {
        if (state != State.WAITING) {
            stopped = true;
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    /** On the worker: the session the work runs on, whose statements a cancel stops. */
    void attach(DefaultSession s) {
        boolean cancelled;
        synchronized (this) {
            session = s;
            cancelled = state == State.CANCELLED;
        }
        if (cancelled) {
            cancelStatement();
        }
    }

    /** Whether the step was cancelled; the work may check it to skip what it has not begun. */
    synchronized boolean cancelled() {
        return state == State.CANCELLED;
    }

    /**
     * On the worker, once the work returned or threw: from here on cancel() has no effect. Returns whether
     * the work's outcome stands (false: the step was cancelled, and the session must be rolled back).
     */
    synchronized boolean stop() {
        stopped = true;
        if (state == State.RUNNING) {
            state = State.DONE;
            return true;
        }
        return false;
    }

    /** On the worker, when {@link #stop()} said the step was cancelled: rolls its session back. */
    static void rollBackCancelled(Session s, Throwable failure) {
        if (failure != null) {
            LOG.debug("A cancelled step ended with an exception; rolling its session back", failure);
        }
        try {
            s.rollback();
        } catch (RuntimeException e) {
            LOG.warn("Rolling back the session of a cancelled step failed", e);
        }
    }

    /** Fails a step that could not be handed to a worker; it never runs. */
    void reject(Throwable failure) {
        end(null, failure);
    }

    /**
     * On the worker, last: completes {@link #ended()}, then, unless the step was cancelled, the caller's
     * future with the work's value or failure. In this order so that the caller's callbacks, which run on
     * this thread, may wait for a step queued after this one.
     */
    void end(T value, Throwable failure) {
        boolean settle;
        synchronized (this) {
            stopped = true;
            if (state == State.WAITING || state == State.RUNNING) {
                state = State.DONE;
            }
            settle = state == State.DONE;
        }
        ended.complete(null);
        if (settle) {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }
    }

    private boolean cancel(boolean mayInterruptIfRunning) {
        if (result.isDone()) {
            return result.isCancelled();
        }
        boolean running;
        synchronized (this) {
            if (state == State.DONE) {
                return false;
            }
            running = state == State.RUNNING;
            state = State.CANCELLED;
        }
        boolean cancelled = result.cancelFuture(mayInterruptIfRunning);
        if (running) {
            cancelStatement();
        }
        return cancelled;
    }

    /**
     * Cancels the statement the session is running, and schedules another try while the work goes on.
     * Under the lock, so that a cancel never reaches a statement run after the work stopped (the
     * rollback, or the next step's).
     */
    private void cancelStatement() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (session != null) {
                session.cancelRunningStatement();
            }
        }
        RECANCEL.execute(this::cancelStatement);
    }

    /**
     * The caller's future. {@code cancel(mayInterruptIfRunning)} stops the work whatever the flag (the
     * worker thread is never interrupted) and returns false once the work has ended.
     */
    static final class Result<T> extends CompletableFuture<T> {
        private final Step<T> step;

        Result(Step<T> step) {
            this.step = step;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return step.cancel(mayInterruptIfRunning);
        }

        boolean cancelFuture(boolean mayInterruptIfRunning) {
            return super.cancel(mayInterruptIfRunning);
        }
    }
}

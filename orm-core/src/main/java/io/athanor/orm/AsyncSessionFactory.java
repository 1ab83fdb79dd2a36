package io.athanor.orm;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sessions whose work runs on other threads and returns {@link CompletableFuture}s: the seed's
 * {@code create_async_engine}/{@code AsyncSession}, done the Java way over the same engine and JDBC
 * driver. From {@link SessionFactory#async()} or {@link SessionFactory#async(java.util.concurrent.Executor)}.
 *
 * <p>Work runs on virtual threads where the JVM has them (Java 21+) and on a pool of as many threads
 * as the engine has connections on Java 17; either way at most that many sessions run at once, so a
 * burst of thousands of calls queues instead of timing out on the pool. A failed future carries the
 * same exception as the blocking API would throw. Cancelling a future stops its work as
 * {@link AsyncSession#call} describes: work not started never runs; running work has its statement
 * cancelled, is rolled back instead of committed, and its session closed. Entities come back loaded as far as their queries load
 * them (SELECTIN relationships included); nothing loads lazily later on another thread.
 *
 * <p>The threads end when the engine closes; work called after that fails with an
 * {@link IllegalStateException}. {@link SessionFactory#async(java.util.concurrent.Executor)} runs the work on
 * the application's executor instead. Either way each task runs with the SLF4J MDC of the thread that called.
 *
 * <p>Thread-safe.
 */
public interface AsyncSessionFactory {

    /** Runs {@code work} in a new session, then closes it without committing; for reads. */
    <T> CompletableFuture<T> run(Function<Session, T> work);

    /** Runs {@code work} in a new session and commits (rolls back and fails the future on any exception). */
    <T> CompletableFuture<T> inTransaction(Function<Session, T> work);

    /** Opens an asynchronous session for several steps; close it when done. */
    AsyncSession open();
}

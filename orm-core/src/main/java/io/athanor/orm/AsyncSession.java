package io.athanor.orm;

import io.athanor.orm.query.Select;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A session whose operations run on another thread and return futures. Operations run one at a time,
 * in the order they were called, never on two threads at once; each waits for the previous one, and a
 * failed one does not stop the next. A cancelled one has ended, and its session has been rolled back,
 * before the next one starts; every operation's future cancels as {@link #call}'s does. Close it when
 * done. Thread-safe to call; the session underneath is used by one thread at a time.
 */
public interface AsyncSession extends AutoCloseable {

    /** {@link Session#get}, asynchronously. */
    <E> CompletableFuture<E> get(Class<E> type, Object id);

    /** Runs a query built with {@link io.athanor.orm.query.Sql#select}. */
    <R> CompletableFuture<List<R>> list(Select<R> query);

    /**
     * Any work on the session, in order with the other operations. The future completes with the work's
     * result, or fails with the exception the work threw.
     *
     * <p>Cancelling the future stops the work, with {@code cancel(true)} and {@code cancel(false)} alike
     * (the worker thread is never interrupted):
     * <ul>
     *   <li>work that has not started never runs, and the session is left as it is;</li>
     *   <li>work that is running has the statement its session is running cancelled with JDBC's
     *       {@code Statement.cancel()} (a query, raw SQL, or a flush's JDBC batch), and any statement it
     *       starts afterwards as well, so it ends with the database's cancellation error. Once it has
     *       ended, the session is rolled back as by {@link Session#rollback()}: everything not committed is
     *       undone, what earlier operations wrote without committing included, and entities added since
     *       the last commit are forgotten. What the work committed before the cancel stays committed.</li>
     * </ul>
     * A cancelled future completes at once with a {@link java.util.concurrent.CancellationException};
     * the next operation starts only after the cancelled work has ended and its rollback has finished.
     * {@code cancel} returns {@code false} once the work has ended: its outcome stands. Only {@code cancel}
     * on this future stops the work: completing it otherwise ({@code complete}, {@code orTimeout}) does
     * not, nor does cancelling a future derived from it ({@code thenApply} ...). Statements the work runs
     * on the JDBC connection itself, and PostgreSQL {@code COPY} ({@link BulkMode#COPY}), are not
     * cancelled: the work ends when they finish, and is rolled back then.
     */
    <T> CompletableFuture<T> call(Function<Session, T> work);

    /** {@link Session#add}, in order with the other operations. */
    CompletableFuture<Void> add(Object entity);

    /** {@link Session#flush}. */
    CompletableFuture<Void> flush();

    /** {@link Session#commit}. */
    CompletableFuture<Void> commit();

    /** {@link Session#rollback}. */
    CompletableFuture<Void> rollback();

    /** Closes the session after the operations already called; completes when it is closed. */
    CompletableFuture<Void> closeAsync();

    /** Closes the session and waits for it. */
    @Override
    void close();
}

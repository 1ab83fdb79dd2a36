package io.athanor.orm;

import io.athanor.orm.query.Select;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A session whose operations run on another thread and return futures. Operations run one at a time,
 * in the order they were called, never on two threads at once; each waits for the previous one, and a
 * failed one does not stop the next. Close it when done. Thread-safe to call; the session underneath
 * is used by one thread at a time.
 */
public interface AsyncSession extends AutoCloseable {

    /** {@link Session#get}, asynchronously. */
    <E> CompletableFuture<E> get(Class<E> type, Object id);

    /** Runs a query built with {@link io.athanor.orm.query.Sql#select}. */
    <R> CompletableFuture<List<R>> list(Select<R> query);

    /** Any work on the session, in order with the other operations. */
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

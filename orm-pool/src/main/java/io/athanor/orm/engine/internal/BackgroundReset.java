package io.athanor.orm.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls back connections returned with an open transaction on pool threads, and only then hands them back to
 * the pool, so that {@code close()} need not wait for the {@code ROLLBACK} round trip. Until then a connection
 * stays checked out of the pool: it counts towards the pool's maximum and nobody else can get it. A connection
 * whose rollback fails is discarded. Threads are started as needed (at most one per connection being reset) and
 * end after a minute without work; if none can be had the rollback runs on the caller's thread.
 *
 * <p>Thread-safe.
 */
final class BackgroundReset {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundReset.class);

    private final String poolName;
    private final ThreadPoolExecutor threads;
    private final Consumer<Connection> giveBack;
    private final Consumer<Connection> discard;

    /**
     * @param poolName   for thread names and messages
     * @param maxThreads the pool's maximum size: never more connections than that are being reset
     * @param giveBack   returns a rolled-back connection to the pool (may throw: it is then discarded)
     * @param discard    throws a connection away
     */
    BackgroundReset(String poolName, int maxThreads, Consumer<Connection> giveBack, Consumer<Connection> discard) {
        this.poolName = poolName;
        this.giveBack = giveBack;
        this.discard = discard;
        AtomicInteger number = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, poolName + "-reset-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (task, executor) -> task.run());
    }

    /** Rolls {@code connection} back and returns it to the pool, on a pool thread when one is free. */
    void submit(Connection connection) {
        try {
            threads.execute(() -> reset(connection));
        } catch (RejectedExecutionException e) {
            reset(connection); // cannot happen with a running-on-caller handler, kept for safety
        }
    }

    private void reset(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Rolling back a returned connection of pool '{}' failed; discarding it", poolName, e);
            discardQuietly(connection);
            return;
        }
        try {
            giveBack.accept(connection);
        } catch (RuntimeException e) {
            LOG.debug("Returning a rolled-back connection to pool '{}' failed; discarding it", poolName, e);
            discardQuietly(connection);
        }
    }

    private void discardQuietly(Connection connection) {
        try {
            discard.accept(connection);
        } catch (RuntimeException e) {
            LOG.debug("Discarding a connection of pool '{}' failed", poolName, e);
        }
    }

    /**
     * Stops taking work (later connections are reset on the caller's thread) and waits up to {@code wait} for the
     * rollbacks under way; returns whether they all finished. Those still running are left to the pool's close,
     * which closes their connections and so ends their transactions on the server.
     */
    boolean shutdown(Duration wait) {
        threads.shutdown();
        try {
            if (threads.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("Pool '{}' is closing with rollbacks of returned connections still running after {} ms; their "
                + "connections are closed, which ends their transactions", poolName, wait.toMillis());
        threads.shutdownNow();
        return false;
    }
}

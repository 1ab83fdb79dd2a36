package io.athanor.orm.test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread or process makes true (a pool retiring connections, a
 * server ending a session), checking it every 20 ms, and fails with {@code description} if the
 * deadline passes first. Tests wait on conditions, never for a fixed time.
 */
public final class Await {
    private Await() {
    }

    /**
     * Returns as soon as {@code condition} is true.
     *
     * @throws AssertionError if it is still false after {@code deadline}
     */
    public static void until(Duration deadline, BooleanSupplier condition, String description) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("Waited " + deadline.toSeconds() + " s for " + description + ", and it did not happen.");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}

package io.athanor.orm;

import io.athanor.orm.error.ConfigurationException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * How often {@link SessionFactory#inTransaction(Retry, java.util.function.Function)} runs a block again
 * when the database aborts its transaction for a conflict with another one (a serialization failure
 * or a deadlock: {@link io.athanor.orm.error.TransactionConflictException}) or a flush finds that a
 * versioned row was changed by another transaction since it was read ({@link StaleObjectException}),
 * and how long it waits before each new run. Each run is a new session that reads the rows again.
 * Other errors are never retried, and neither is a commit whose outcome is unknown.
 *
 * <p>The wait is exponential backoff with full jitter: after the {@code n}th failed run it is drawn
 * uniformly between zero and {@code min(maxDelay, baseDelay * 2^(n-1))}, so that transactions that
 * collided do not collide again in step. The defaults are a base of 10 ms and a cap of 1 s;
 * {@link #backoff(Duration, Duration)} changes them and {@link #noBackoff()} runs again at once.
 *
 * <pre>{@code
 * sessions.inTransaction(Retry.retry(5), work);                                          // 10 ms, 20 ms, 40 ms, 80 ms caps
 * sessions.inTransaction(Retry.retry(5).backoff(Duration.ofMillis(50), Duration.ofSeconds(2)), work);
 * }</pre>
 *
 * <p>Immutable and thread-safe; each method returns a new instance.
 */
public final class Retry {
    /** The default base of the backoff: the longest wait after the first failed run. */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(10);
    /** The default cap of the backoff: no wait is longer. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(1);

    /** How the retry loop waits; the default sleeps the calling thread. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits for {@code delay}, which may be zero.
         *
         * @throws InterruptedException if the thread is interrupted while waiting; the retry loop then stops
         *                              and throws the conflict, with the interrupt status set again
         */
        void sleep(Duration delay) throws InterruptedException;
    }

    private static final Sleeper THREAD_SLEEP = delay -> {
        if (!delay.isZero()) {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        }
    };

    private final int attempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;

    private Retry(int attempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
        this.attempts = attempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
    }

    /**
     * Up to {@code attempts} runs in all, with the default backoff between them.
     *
     * @throws ConfigurationException if {@code attempts} is less than 1
     */
    public static Retry retry(int attempts) {
        if (attempts < 1) {
            throw new ConfigurationException("retry needs 1 or more attempts; it was given " + attempts + ".");
        }
        return new Retry(attempts, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY, THREAD_SLEEP);
    }

    /**
     * This retry with another backoff: the wait after the {@code n}th failed run is drawn between zero and
     * {@code min(maxDelay, baseDelay * 2^(n-1))}.
     *
     * @throws ConfigurationException if a delay is null or negative, or {@code maxDelay} is shorter than {@code baseDelay}
     */
    public Retry backoff(Duration baseDelay, Duration maxDelay) {
        if (baseDelay == null || maxDelay == null || baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new ConfigurationException("backoff needs a base and a maximum delay of zero or more; it was given "
                    + baseDelay + " and " + maxDelay + ".");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new ConfigurationException("backoff's maximum delay (" + maxDelay + ") must not be shorter than its base ("
                    + baseDelay + ").");
        }
        return new Retry(attempts, baseDelay, maxDelay, sleeper);
    }

    /** This retry without waiting between runs. */
    public Retry noBackoff() {
        return new Retry(attempts, Duration.ZERO, Duration.ZERO, sleeper);
    }

    /**
     * This retry waiting through {@code sleeper} instead of sleeping the thread: for a scheduler's clock,
     * or a test that records the waits instead of spending them.
     *
     * @throws ConfigurationException if {@code sleeper} is null
     */
    public Retry sleeper(Sleeper sleeper) {
        if (sleeper == null) {
            throw new ConfigurationException("Retry.sleeper needs a Sleeper; it was given null.");
        }
        return new Retry(attempts, baseDelay, maxDelay, sleeper);
    }

    /** The most runs. */
    public int attempts() {
        return attempts;
    }

    /** The longest wait after the first failed run. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** The cap on every wait. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** How the retry loop waits. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The longest wait after {@code failedRuns} runs have failed: {@code min(maxDelay, baseDelay * 2^(failedRuns-1))}.
     *
     * @throws IllegalArgumentException if {@code failedRuns} is less than 1
     */
    public Duration maxDelayAfter(int failedRuns) {
        if (failedRuns < 1) {
            throw new IllegalArgumentException("failedRuns must be 1 or more; it was " + failedRuns + ".");
        }
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        int shift = failedRuns - 1;
        if (base == 0 || shift >= 63 || base > (cap >> shift)) {
            return base == 0 ? Duration.ZERO : maxDelay;
        }
        return Duration.ofNanos(Math.min(cap, base << shift));
    }

    /** The wait after {@code failedRuns} failed runs, drawn uniformly from zero to {@link #maxDelayAfter(int)}. */
    public Duration delayAfter(int failedRuns) {
        return delayAfter(failedRuns, ThreadLocalRandom.current());
    }

    /** {@link #delayAfter(int)} drawn from {@code random}. */
    public Duration delayAfter(int failedRuns, RandomGenerator random) {
        long bound = maxDelayAfter(failedRuns).toNanos();
        return bound == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(bound + 1));
    }

    @Override
    public String toString() {
        return "Retry[attempts=" + attempts + ", backoff " + baseDelay.toMillis() + " ms to " + maxDelay.toMillis() + " ms]";
    }
}

package io.athanor.orm;

import io.athanor.orm.error.ConfigurationException;

/**
 * How often {@link SessionFactory#inTransaction(Retry, java.util.function.Function)} runs a block again
 * when the database aborts its transaction for a conflict with another one (a serialization failure
 * or a deadlock: {@link io.athanor.orm.error.TransactionConflictException}). Other errors are never
 * retried. Immutable.
 */
public final class Retry {
    private final int attempts;

    private Retry(int attempts) {
        this.attempts = attempts;
    }

    /**
     * Up to {@code attempts} runs in all.
     *
     * @throws ConfigurationException if {@code attempts} is less than 1
     */
    public static Retry retry(int attempts) {
        if (attempts < 1) {
            throw new ConfigurationException("retry needs 1 or more attempts; it was given " + attempts + ".");
        }
        return new Retry(attempts);
    }

    /** The most runs. */
    public int attempts() {
        return attempts;
    }
}

package io.athanor.orm.engine;

/**
 * A registered listener. {@link #remove()} (or {@link #close()}, for try-with-resources) unregisters
 * it; removing twice does nothing. Thread-safe.
 */
public interface Registration extends AutoCloseable {

    /** Unregisters the listener; statements that already started may still call it once. */
    void remove();

    /** Same as {@link #remove()}. */
    @Override
    default void close() {
        remove();
    }
}

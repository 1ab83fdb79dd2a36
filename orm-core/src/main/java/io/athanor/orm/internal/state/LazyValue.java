package io.athanor.orm.internal.state;

/** A relationship value that loads on first use: a lazy collection. Not thread-safe, like its session. */
public interface LazyValue {
    /** Whether the value holds its elements (loaded, filled by a loader, or never lazy). */
    boolean isLoaded();

    /** Gives the value its elements without a statement (a loader found them). */
    void fill(java.util.Collection<?> elements);
}

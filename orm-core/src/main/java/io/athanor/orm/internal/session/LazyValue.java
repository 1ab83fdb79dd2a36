package io.athanor.orm.internal.session;

/** A relationship value that loads on first use: a lazy collection. */
interface LazyValue {
    /** Whether the value holds its elements (loaded, filled by a loader, or never lazy). */
    boolean isLoaded();

    /** Gives the value its elements without a statement (a loader found them). */
    void fill(java.util.Collection<?> elements);

    /** The session that will load it, or {@code null} for one that only raises. */
    DefaultSession session();
}

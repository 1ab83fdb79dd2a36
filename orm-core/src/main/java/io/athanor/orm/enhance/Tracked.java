package io.athanor.orm.enhance;

/**
 * Implemented by entity classes that {@link EntityEnhancer} has rewritten so that every write of a mapped
 * field of the class itself is reported to the session holding the instance, which then flushes only the
 * instances written since the last flush; added by the enhancer, never written by hand, not for
 * application code. Thread-safety: as the instance (one thread at a time per session).
 */
public interface Tracked {

    /** What the holding session knows of this instance, or {@code null} when no session tracks it. */
    Object athanor$entry();

    /** Set by the session that holds this instance, cleared when it lets it go. */
    void athanor$entry(Object entry);
}

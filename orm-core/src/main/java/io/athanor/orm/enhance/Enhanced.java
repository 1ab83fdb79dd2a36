package io.athanor.orm.enhance;

/**
 * Marks an entity class that {@link EntityEnhancer} has rewritten; added by the enhancer, never written
 * by hand. Has no methods.
 */
public interface Enhanced {
}

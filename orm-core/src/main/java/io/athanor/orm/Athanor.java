package io.athanor.orm;

import io.athanor.orm.internal.load.Loading;
import io.athanor.orm.query.Attribute;

/**
 * Questions about entity instances that a session may have loaded lazily. Thread-safe static methods;
 * none of them runs SQL except {@link #unproxy(Object)}.
 */
public final class Athanor {
    private Athanor() {
    }

    /**
     * Whether {@code entity}'s state is loaded: {@code false} only for a lazy reference
     * ({@link Session#getReference}, or a lazily loaded to-one) that has not been used yet.
     */
    public static boolean isLoaded(Object entity) {
        return Loading.isLoaded(entity);
    }

    /**
     * Whether {@code relationship} of {@code entity} holds its value without a statement: {@code false}
     * for a lazy collection not yet used, a lazy reference not yet used, a relationship left unloaded with
     * {@code RAISE}, and always for a {@link DynamicCollection}.
     *
     * @throws io.athanor.orm.error.AthanorException if {@code relationship} is not a field of {@code entity}'s class
     */
    public static boolean isLoaded(Object entity, Attribute<?, ?> relationship) {
        return Loading.isLoaded(entity, relationship.path());
    }

    /**
     * Loads a lazy reference's state (if it is not loaded) and returns it. A lazy reference is an instance
     * of a generated subclass of the entity that holds its own state, so the same object is returned; use
     * {@link #entityClass(Object)} for its mapped class.
     *
     * @throws DetachedInstanceException if it is unloaded and its session has closed
     * @throws EntityNotFoundException   if no row has its key
     */
    public static <T> T unproxy(T entity) {
        Loading.load(entity);
        return entity;
    }

    /** The mapped entity class of {@code entity}: its own class, or the entity class a lazy reference extends. */
    public static Class<?> entityClass(Object entity) {
        return Loading.entityClass(entity);
    }
}

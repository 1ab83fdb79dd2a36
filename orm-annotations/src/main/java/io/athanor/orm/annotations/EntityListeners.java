package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Listener classes whose callback methods ({@link PrePersist}, {@link PostLoad} and the others) are called for
 * this entity, each method taking the entity as its one parameter. Each class needs a no-argument constructor;
 * one instance of it is made when the session factory is built and shared by every session, so it must be
 * thread-safe. Listeners are called in the order given, before the entity's own callback methods.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EntityListeners {
    /** The listener classes, in the order they are called. */
    Class<?>[] value();
}

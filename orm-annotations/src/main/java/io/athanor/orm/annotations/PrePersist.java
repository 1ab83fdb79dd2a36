package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when an instance becomes pending: at {@code session.add} (and for each instance a PERSIST cascade adds), before any key the database generates is known.
 *
 * <p>On a method of an entity class (or a superclass of one) it takes no parameter; on a method of an
 * {@link EntityListeners entity listener} it takes the entity. It may have any visibility, must not be static,
 * and a class may carry each kind of callback on one method only. A callback that throws aborts the operation;
 * thrown during a flush, it fails the flush and the transaction rolls back.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PrePersist {
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called at a flush for each instance found changed, before its UPDATE is built: fields the callback sets are written by the same UPDATE.
 *
 * <p>On a method of an entity class (or a superclass of one) it takes no parameter; on a method of an
 * {@link EntityListeners entity listener} it takes the entity. It may have any visibility, must not be static,
 * and a class may carry each kind of callback on one method only. A callback that throws aborts the operation;
 * thrown during a flush, it fails the flush and the transaction rolls back.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PreUpdate {
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking: every UPDATE checks that this column still holds the value read, and increments
 * it; a row changed by someone else in the meantime makes the flush fail instead of overwriting their
 * change. The field must be {@code int}, {@code long}, {@code short} or their boxes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {
}

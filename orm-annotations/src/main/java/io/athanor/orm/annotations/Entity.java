package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a mapped entity: one row of a table is one instance. The class must be non-final
 * (lazy relationships use subclass proxies) and have a no-argument constructor of any visibility.
 * Fields are mapped unless marked {@link Transient}; static and {@code transient} fields never are.
 *
 * <p>The table is named by {@link Table}, or else after the class in snake case ({@code OrderItem} →
 * {@code order_item}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {

    /** The entity's name in messages and queries; defaults to the simple class name. */
    String name() default "";
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores an {@link Embeddable} value in columns of this entity's table, named
 * {@code <prefix><column>}; the prefix defaults to the field name in snake case and an underscore
 * ({@code homeAddress.city} → {@code home_address_city}). A NULL in every one of its columns loads as
 * a {@code null} field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Embedded {

    /** The column-name prefix; defaults to the field name in snake case followed by {@code _}. */
    String prefix() default "\0";
}

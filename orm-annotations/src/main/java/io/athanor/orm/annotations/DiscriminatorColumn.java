package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column of a single-table hierarchy that says which entity a row is, on the root entity (the one
 * with {@link Inheritance}). Without it the column is {@code dtype}, a string of length 31. The column is
 * written by Athanor on insert and never updated; it is not a field of the entity.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiscriminatorColumn {

    /** The column name. */
    String name() default "dtype";

    /** The column's type. */
    DiscriminatorType discriminatorType() default DiscriminatorType.STRING;

    /** The length of a {@link DiscriminatorType#STRING} column. */
    int length() default 31;
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text an enum constant is stored as, where it is not a Java name ({@code PG-13}, {@code NC-17}): put on
 * the constants of a {@link DatabaseEnum}, or of any enum stored by name. Labels must be unique and non-empty.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EnumLabel {

    /** The stored text. */
    String value();
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of the {@link DiscriminatorColumn} that marks rows of this entity in a single-table hierarchy.
 * Without it the value is the entity name ({@code @Entity(name)}, or the simple class name). Two entities of
 * one hierarchy may not share a value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiscriminatorValue {

    /** The value, written as text; for an {@link DiscriminatorType#INTEGER} column a whole number. */
    String value();
}

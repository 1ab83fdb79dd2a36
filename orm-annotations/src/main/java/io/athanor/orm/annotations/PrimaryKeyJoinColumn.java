package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The key column of a subclass table in a {@link InheritanceType#JOINED} hierarchy. Joined tables are not
 * supported yet; an entity carrying this annotation is refused at start-up with a message saying to use
 * {@link InheritanceType#SINGLE_TABLE}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PrimaryKeyJoinColumn {

    /** The column name; defaults to the root's id column name. */
    String name() default "";
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The link table of the owning side of a {@link ManyToMany}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JoinTable {

    /** The table name; defaults to {@code <owner table>_<target table>}. */
    String name() default "";

    /** The table's schema; defaults to the owner's. */
    String schema() default "";

    /** The column referring to the owner; defaults to {@code <owner table>_<owner key>}. */
    String joinColumn() default "";

    /** The column referring to the target; defaults to {@code <target table>_<target key>}. */
    String inverseJoinColumn() default "";
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unique constraint over one or more columns, declared in {@link Table#uniqueConstraints()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface UniqueConstraint {

    /** The constraint name; defaults to {@code uq_<table>_<columns>}. */
    String name() default "";

    /** The column names. */
    String[] columns();
}

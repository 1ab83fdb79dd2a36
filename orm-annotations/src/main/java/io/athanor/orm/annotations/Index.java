package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An index, declared in {@link Table#indexes()}. Columns are named by column name, in index order. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Index {

    /** The index name; defaults to {@code ix_<table>_<columns>}. */
    String name() default "";

    /** The indexed column names, in order. */
    String[] columns();

    /** Whether the index is unique. */
    boolean unique() default false;
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Generates the value of an {@link Id} field. Numeric keys default to {@link GenerationType#IDENTITY}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface GeneratedValue {

    /** How the value is produced. */
    GenerationType strategy() default GenerationType.IDENTITY;

    /** For {@link GenerationType#SEQUENCE}: the sequence name; defaults to {@code <table>_<column>_seq}. */
    String sequenceName() default "";

    /** For {@link GenerationType#SEQUENCE}: how many values one round trip reserves (the sequence's increment). */
    int allocationSize() default 50;
}

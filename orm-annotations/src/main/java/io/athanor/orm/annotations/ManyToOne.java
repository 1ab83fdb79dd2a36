package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to one entity through a foreign key column in this table (the owning side). Its
 * column is described by {@link JoinColumn}; the other side may be a {@link OneToMany} with
 * {@code mappedBy} naming this field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToOne {

    /** How the referenced entity is loaded. */
    FetchMode fetch() default FetchMode.SELECT;

    /** Whether the reference may be absent; {@code false} makes the column NOT NULL. */
    boolean optional() default true;

    /** Session operations that pass to the referenced entity. */
    CascadeType[] cascade() default {};
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-to-one reference. The owning side holds the foreign key (with a unique constraint) and may
 * carry a {@link JoinColumn}; the other side names the owning field in {@link #mappedBy()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOne {

    /** On the inverse side: the field of the target entity that owns the relationship. */
    String mappedBy() default "";

    /** How the referenced entity is loaded. */
    FetchMode fetch() default FetchMode.SELECT;

    /** Whether the reference may be absent. */
    boolean optional() default true;

    /** Session operations that pass to the referenced entity. */
    CascadeType[] cascade() default {};

    /** Whether an entity removed from the relationship is deleted. */
    boolean orphanRemoval() default false;
}

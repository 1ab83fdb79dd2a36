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

    /**
     * On the inverse side ({@link #mappedBy()}) only: whether the database itself deletes the referring entity,
     * or sets its foreign key to NULL, when this entity's row is deleted ({@code ON DELETE CASCADE} or
     * {@code SET NULL}). Deleting this entity then neither loads nor updates the other one. By default
     * ({@code false}) the flush loads it and sets its reference to NULL, unless it is deleted by
     * {@code cascade = REMOVE}.
     */
    boolean passiveDeletes() default false;
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The foreign key column of a {@link ManyToOne} or owning {@link OneToOne}:
 *
 * <pre>{@code
 * @ManyToOne @JoinColumn(name = "user_id", onDelete = OnDelete.CASCADE)
 * User user;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JoinColumn {

    /** The column name; defaults to {@code <field>_<referenced column>} in snake case ({@code user_id}). */
    String name() default "";

    /** The referenced column; defaults to the target's primary key. */
    String referencedColumnName() default "";

    /** Whether the column accepts NULL (an optional relationship). */
    boolean nullable() default true;

    /** The foreign key constraint's name; defaults to {@code fk_<table>_<column>}. */
    String foreignKeyName() default "";

    /** What happens to this row when the referenced row is deleted. */
    OnDelete onDelete() default OnDelete.NO_ACTION;
}

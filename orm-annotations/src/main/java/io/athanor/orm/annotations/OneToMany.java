package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A collection of entities that refer to this one through a {@link ManyToOne}, named by
 * {@link #mappedBy()}: the seed's {@code relationship("Order", back_populates="user")}.
 *
 * <pre>{@code
 * @OneToMany(mappedBy = "user", fetch = FetchMode.SELECTIN, orderBy = "createdAt desc")
 * List<Order> orders = new ArrayList<>();
 * }</pre>
 *
 * The field is a {@code List}, {@code Set} or {@code Collection}, or a {@code DynamicCollection} with
 * {@link FetchMode#DYNAMIC}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToMany {

    /** The field of the element entity that holds the foreign key back to this one. */
    String mappedBy();

    /** How the collection is loaded. */
    FetchMode fetch() default FetchMode.SELECT;

    /** The order of the loaded collection: field names, each optionally followed by {@code asc} or {@code desc}. */
    String orderBy() default "";

    /** Session operations that pass to the elements. */
    CascadeType[] cascade() default {};

    /** Whether an element removed from the collection is deleted (rather than having its reference set to NULL). */
    boolean orphanRemoval() default false;

    /**
     * Whether the database itself deletes the elements, or sets their foreign key to NULL, when this entity's
     * row is deleted ({@code ON DELETE CASCADE} or {@code ON DELETE SET NULL} on the elements' foreign key).
     * Deleting this entity then neither loads nor updates the elements: the session sends only the parent's
     * {@code DELETE} (SQLAlchemy's {@code passive_deletes}). Elements already loaded keep their reference in
     * memory. By default ({@code false}), and unless the element's {@code @JoinColumn} declares {@code onDelete =
     * CASCADE} or {@code SET_NULL}, a flush that deletes this entity first loads the elements not deleted with
     * it by {@code cascade = REMOVE} and sets their reference to NULL.
     */
    boolean passiveDeletes() default false;
}

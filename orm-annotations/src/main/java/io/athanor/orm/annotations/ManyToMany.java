package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many collection through a link table. The owning side describes the table with
 * {@link JoinTable} (or takes the default {@code <owner table>_<target table>}); the other side names
 * the owning field in {@link #mappedBy()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {

    /** On the inverse side: the owning field of the target entity. */
    String mappedBy() default "";

    /** How the collection is loaded. */
    FetchMode fetch() default FetchMode.SELECT;

    /** The order of the loaded collection: field names of the target, each optionally followed by {@code asc} or {@code desc}. */
    String orderBy() default "";

    /** Session operations that pass to the elements. */
    CascadeType[] cascade() default {};

    /**
     * Whether the database itself deletes the link rows of an entity of this side when its row is deleted
     * ({@code ON DELETE CASCADE} on the link table's foreign key to it, which Athanor's own DDL declares).
     * Deleting such an entity then sends no {@code DELETE} of link rows. By default ({@code false}) the flush
     * deletes them first, one statement per link table, whether the collection is loaded or not, so schemas
     * without {@code ON DELETE CASCADE} work too.
     */
    boolean passiveDeletes() default false;

    /**
     * On the owning side: whether the collection only navigates and never writes link rows, as when an entity
     * maps the link table and its rows are written through that entity. A flush that finds elements added to or
     * removed from such a collection fails with an error, and deleting an entity of either side deletes no link
     * rows (the schema's {@code ON DELETE} clauses, or the entity's own deletes, look after them). The entity
     * that maps the link table may then have columns that a link insert could not fill.
     */
    boolean viewOnly() default false;
}

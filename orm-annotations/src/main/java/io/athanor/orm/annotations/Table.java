package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table an {@link Entity} maps to, with its schema, indexes and unique constraints:
 *
 * <pre>{@code
 * @Entity
 * @Table(name = "user_stats", schema = "analytics",
 *        indexes = @Index(columns = {"total_spent"}),
 *        uniqueConstraints = @UniqueConstraint(columns = {"user_id", "day"}))
 * public class UserStats { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** The table name; defaults to the class name in snake case. */
    String name() default "";

    /** The schema (PostgreSQL, H2) or database (MariaDB); empty for the connection's default. Created if missing. */
    String schema() default "";

    /** Indexes on the table. */
    Index[] indexes() default {};

    /** Unique constraints over several columns (a single unique column can use {@link Column#unique()}). */
    UniqueConstraint[] uniqueConstraints() default {};
}

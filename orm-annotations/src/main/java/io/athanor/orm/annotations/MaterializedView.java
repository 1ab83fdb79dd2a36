package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link Entity} as a materialized view: its rows are the stored result of a query, read like
 * any entity and refreshed on demand, never written by the session. The name and schema come from
 * {@link Table}. On PostgreSQL it is a {@code MATERIALIZED VIEW}; on H2 and MariaDB a table that
 * creating and refreshing fill from the query.
 *
 * <pre>{@code
 * @Entity @MaterializedView(query = "SELECT u.id AS user_id, COUNT(o.id) AS total_orders ... GROUP BY u.id")
 * @Table(name = "user_stats", schema = "analytics", indexes = @Index(columns = "user_id", unique = true))
 * public class UserStats { ... }
 * }</pre>
 *
 * The query may instead be given in code, with {@code SessionFactory.builder(...).view(UserStats.class, select(...))}.
 * A unique index lets PostgreSQL refresh it {@code CONCURRENTLY}, without blocking readers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MaterializedView {

    /** The defining query, as SQL text whose output columns match the mapped columns; empty when given in code. */
    String query() default "";
}

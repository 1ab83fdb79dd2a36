package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores an enum in a database enum type: on PostgreSQL a named type ({@code CREATE TYPE mpaa_rating AS ENUM
 * ('G', 'PG', 'PG-13')}, created before the tables and dropped after them), on MariaDB and H2 an
 * {@code ENUM('G', 'PG', 'PG-13')} column. The stored labels are the constants' names, or their
 * {@link EnumLabel}s, in declaration order, which is the order the database sorts them in. Every field of the
 * enum's type is stored this way; {@link Enumerated} does not apply to it.
 *
 * <pre>{@code
 * @DatabaseEnum(name = "mpaa_rating")
 * public enum Rating { G, PG, @EnumLabel("PG-13") PG_13, R, @EnumLabel("NC-17") NC_17 }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DatabaseEnum {

    /** The type's name on PostgreSQL; by default the enum's simple name in snake case ({@code mpaa_rating}). */
    String name() default "";

    /** The schema of the PostgreSQL type; empty for the connection's default schema. */
    String schema() default "";
}

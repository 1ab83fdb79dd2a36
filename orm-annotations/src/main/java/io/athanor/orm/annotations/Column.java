package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column details of a mapped field. A field without it is still mapped, with defaults: the field
 * name in snake case, nullable unless primitive, and a type chosen from the Java type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {

    /** The column name; defaults to the field name in snake case ({@code createdAt} → {@code created_at}). */
    String name() default "";

    /** For text: the maximum length ({@code varchar(length)}); 0 means the default of 255. */
    int length() default 0;

    /** For {@code BigDecimal}: total digits; 0 means the default of 19. */
    int precision() default 0;

    /** For {@code BigDecimal}: digits after the point; defaults to 2 when precision is not given. */
    int scale() default -1;

    /** Whether the column accepts NULL. Primitive fields and {@link Id} fields are never nullable. */
    boolean nullable() default true;

    /** Whether the column carries a single-column unique constraint. */
    boolean unique() default false;

    /** Whether the column is written by INSERT statements. */
    boolean insertable() default true;

    /** Whether the column is written by UPDATE statements. */
    boolean updatable() default true;

    /**
     * A SQL expression the database uses when an INSERT gives no value, written into the DDL as
     * {@code DEFAULT <expression>} (e.g. {@code "now()"} or {@code "'new'"}); empty for none. A session
     * leaves the column out of the INSERT of an instance whose field is null, so the default applies,
     * and reads the value back into the field: a null in such a field means "the default", not NULL.
     */
    String serverDefault() default "";

    /** The column's SQL type as written in DDL (e.g. {@code "jsonb"}), replacing the type chosen from the Java type. */
    String sqlType() default "";
}

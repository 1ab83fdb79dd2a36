package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column whose value the database sets: a trigger, a generated column ({@code GENERATED ALWAYS AS ...}) or a
 * default. Athanor never writes it (a value set in the field is ignored), and reads it back into the field after
 * the statements that set it: in the same statement where the driver returns values from an INSERT or UPDATE
 * (PostgreSQL, H2), else with one SELECT by key per batch of rows (MariaDB). The column's definition (the
 * trigger, the expression) is the schema's: give it with {@code @Column(sqlType = ...)} or in your own DDL. A
 * key, a {@link Version} or a {@link CreatedAt}/{@link UpdatedAt} field cannot also be {@code @Generated}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Generated {
    /** When the database sets the value: at insert only, or at insert and at every update (the default). */
    Timing value() default Timing.ALWAYS;

    /** When a {@link Generated} column's value is set by the database. */
    enum Timing {
        /** At insert only: read back after the INSERT. */
        INSERT,
        /** At insert and at every update of the row: read back after each INSERT and UPDATE. */
        ALWAYS
    }
}

package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field as JSON, written and read by Jackson ({@code com.fasterxml.jackson.core:jackson-databind} must be
 * on the class path): a record or other class, a {@code Map<String, Object>}, a {@code List<...>} or a
 * {@code JsonNode}. The column is PostgreSQL's {@code json} (or {@code jsonb} with {@link #binary()}), MariaDB's
 * {@code JSON} and H2's {@code JSON}. Changes made inside the value are flushed: the session compares the value's
 * JSON with what it loaded.
 *
 * <pre>{@code
 * @Json(binary = true) Map<String, Object> attributes;   // PostgreSQL jsonb
 * @Json Address address;                                  // a class of yours, as a JSON object
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Json {
    /**
     * Whether the database keeps the value decomposed in a binary form, which is indexable and has containment
     * operators but does not keep key order, duplicate keys or white space: PostgreSQL's {@code jsonb}. Other
     * databases have one JSON type and ignore it.
     */
    boolean binary() default false;
}

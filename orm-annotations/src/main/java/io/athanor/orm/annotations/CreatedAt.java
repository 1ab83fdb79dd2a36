package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The time an instance was added: set when it becomes pending ({@code session.add}, before the
 * {@link PrePersist} callbacks run) from the session factory's clock, and never written again by an UPDATE.
 * The field must be an {@code Instant}, {@code LocalDateTime} (in the clock's zone) or {@code OffsetDateTime};
 * the time is cut to microseconds, which every supported database stores.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CreatedAt {
}

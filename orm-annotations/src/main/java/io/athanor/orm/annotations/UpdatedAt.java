package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The time an instance was last added or changed: set from the session factory's clock when it is added
 * (as {@link CreatedAt}) and at each flush that finds it changed (before the {@link PreUpdate} callbacks run),
 * so the same UPDATE writes it. Same types as {@link CreatedAt}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface UpdatedAt {
}

package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.DiscriminatorColumn;
import io.athanor.orm.annotations.DiscriminatorType;
import io.athanor.orm.annotations.DiscriminatorValue;
import io.athanor.orm.annotations.Inheritance;
import io.athanor.orm.annotations.InheritanceType;
import io.athanor.orm.annotations.MappedSuperclass;
import io.athanor.orm.annotations.PrimaryKeyJoinColumn;
import java.util.Map;

/**
 * Jakarta Persistence's inheritance annotations on a class, answered as Athanor's ({@code @MappedSuperclass},
 * {@code @Inheritance}, {@code @DiscriminatorColumn}, {@code @DiscriminatorValue}, {@code @PrimaryKeyJoinColumn}).
 * Stateless and thread-safe.
 */
final class JakartaInheritance {
    private JakartaInheritance() {
    }

    /** The values of Athanor's annotation {@code type} on {@code c}, or {@code null} when absent or not one of these. */
    static Map<String, Object> type(Class<?> c, Class<?> type) {
        if (type == MappedSuperclass.class) {
            return c.isAnnotationPresent(jakarta.persistence.MappedSuperclass.class) ? Map.of() : null;
        }
        if (type == Inheritance.class) {
            jakarta.persistence.Inheritance i = c.getAnnotation(jakarta.persistence.Inheritance.class);
            return i == null ? null : Map.of("strategy", InheritanceType.valueOf(i.strategy().name()));
        }
        if (type == DiscriminatorColumn.class) {
            jakarta.persistence.DiscriminatorColumn d = c.getAnnotation(jakarta.persistence.DiscriminatorColumn.class);
            return d == null ? null : Map.of("name", d.name(), "discriminatorType",
                    DiscriminatorType.valueOf(d.discriminatorType().name()), "length", d.length());
        }
        if (type == DiscriminatorValue.class) {
            jakarta.persistence.DiscriminatorValue v = c.getAnnotation(jakarta.persistence.DiscriminatorValue.class);
            return v == null ? null : Map.of("value", v.value());
        }
        if (type == PrimaryKeyJoinColumn.class) {
            jakarta.persistence.PrimaryKeyJoinColumn k = c.getAnnotation(jakarta.persistence.PrimaryKeyJoinColumn.class);
            return k == null ? null : Map.of("name", k.name());
        }
        return null;
    }
}

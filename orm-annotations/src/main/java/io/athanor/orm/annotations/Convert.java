package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field through an {@link AttributeConverter}:
 *
 * <pre>{@code
 * @Convert(PreferencesJson.class) @Column(sqlType = "jsonb")
 * Preferences preferences;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Convert {

    /** The converter class. */
    @SuppressWarnings("rawtypes")
    Class<? extends AttributeConverter> value();
}

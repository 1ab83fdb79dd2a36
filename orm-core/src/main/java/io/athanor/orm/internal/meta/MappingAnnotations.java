package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.AttributeConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.List;

/**
 * One front end to the mapping: the annotations a class is written with, answered in Athanor's own
 * annotation types so that {@link EntityReader} reads every front end into the same drafts. Athanor's
 * annotations answer as themselves ({@link NativeAnnotations}); Jakarta Persistence's are translated
 * ({@link JakartaAnnotations}). Implementations are stateless and thread-safe.
 */
interface MappingAnnotations {

    /** The front end's name in messages: "Athanor" or "Jakarta Persistence". */
    String name();

    /** Whether {@code type} is an entity in this front end's terms. */
    boolean isEntity(Class<?> type);

    /** The entity's name ({@code @Entity(name)}), or {@code ""} for the class's simple name. */
    String entityName(Class<?> type);

    /**
     * The annotation of Athanor's type {@code type} that {@code element} carries in this front end's
     * terms, or {@code null}.
     */
    <A extends Annotation> A get(AnnotatedElement element, Class<A> type);

    /** Whether {@code element} carries {@code type} in this front end's terms. */
    default boolean has(AnnotatedElement element, Class<? extends Annotation> type) {
        return get(element, type) != null;
    }

    /**
     * The converter a field names, or {@code null} when it names none; a converter that cannot be used
     * is noted in {@code problems} and answers {@link Converter#INVALID}.
     */
    Converter converter(Field field, String where, List<String> problems);

    /**
     * A converter class applied to every field of its attribute type ({@code jakarta.persistence.Converter} with
     * {@code autoApply = true}), or {@code null} when {@code type} is no converter of this front end; a converter
     * that cannot be used is noted in {@code problems} and answers {@code null}.
     */
    default AutoConverter autoConverter(Class<?> type, List<String> problems) {
        return null;
    }

    /**
     * Notes in {@code problems} what this front end finds on the class that Athanor does not map:
     * each note names the class, the field or method, the annotation, and what to do instead.
     */
    void checkSupported(Class<?> type, List<String> problems);

    /** A converter applied by attribute type. */
    record AutoConverter(Class<?> attributeType, Converter converter) {
    }

    /** A field's converter and the type it writes to the database. */
    record Converter(AttributeConverter<Object, Object> converter, Class<?> databaseType) {
        static final Converter INVALID = new Converter(null, null);
    }
}

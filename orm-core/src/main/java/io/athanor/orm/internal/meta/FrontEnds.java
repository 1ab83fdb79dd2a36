package io.athanor.orm.internal.meta;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the front end a class is written with. Athanor's annotations are always read; Jakarta
 * Persistence's only when {@code jakarta.persistence.Entity} is on the class path, checked once, so
 * orm-core runs without the API. Thread-safe.
 */
final class FrontEnds {
    static final String JAKARTA_ENTITY = "jakarta.persistence.Entity";
    private static final Logger LOG = LoggerFactory.getLogger(FrontEnds.class);
    private static final MappingAnnotations JAKARTA = jakarta(FrontEnds.class.getClassLoader());

    private FrontEnds() {
    }

    /** Whether Jakarta Persistence entities are read (the API was found on the class path). */
    static boolean jakartaAvailable() {
        return JAKARTA != null;
    }

    /**
     * The Jakarta front end when {@code loader} sees the Jakarta Persistence API, else {@code null}. The
     * front end's class is loaded by name only after the API was found, so nothing refers to the API before.
     */
    static MappingAnnotations jakarta(ClassLoader loader) {
        try {
            Class.forName(JAKARTA_ENTITY, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            return (MappingAnnotations) Class.forName(FrontEnds.class.getPackageName() + ".JakartaAnnotations", true,
                    FrontEnds.class.getClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("Jakarta Persistence is on the class path but its annotations cannot be read ({}); only Athanor's "
                    + "own annotations are.", e.toString());
            return null;
        }
    }

    /**
     * {@code type} as a converter applied by attribute type (Athanor's {@code AttributeConverter}, or a Jakarta
     * {@code @Converter}), or {@code null} when it is no converter; an unusable one is noted in {@code problems}.
     */
    static MappingAnnotations.AutoConverter autoConverter(Class<?> type, List<String> problems) {
        MappingAnnotations.AutoConverter c = NativeAnnotations.INSTANCE.autoConverter(type, problems);
        return c != null || JAKARTA == null ? c : JAKARTA.autoConverter(type, problems);
    }

    /** Whether {@code type} is a converter class rather than an entity (Jakarta's {@code @Converter}). */
    static boolean isConverterClass(Class<?> type) {
        for (java.lang.annotation.Annotation a : type.getAnnotations()) {
            if (a.annotationType().getName().equals("jakarta.persistence.Converter")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The front end {@code type} is written with, or {@code null} (noted in {@code problems}) when it is
     * not an entity of either, or claims to be one of both.
     */
    static MappingAnnotations of(Class<?> type, List<String> problems) {
        boolean nativeEntity = NativeAnnotations.INSTANCE.isEntity(type);
        boolean jakartaEntity = JAKARTA != null && JAKARTA.isEntity(type);
        if (nativeEntity && jakartaEntity) {
            problems.add(type.getName() + " is annotated with both @io.athanor.orm.annotations.Entity and "
                    + "@jakarta.persistence.Entity; one class is read with one set of annotations. Keep one of them, and "
                    + "use that package's annotations throughout the class.");
            return null;
        }
        if (nativeEntity) {
            return NativeAnnotations.INSTANCE;
        }
        if (jakartaEntity) {
            return JAKARTA;
        }
        problems.add(type.getName() + " is not annotated @Entity; annotate it (io.athanor.orm.annotations.Entity"
                + (JAKARTA != null ? " or jakarta.persistence.Entity" : "") + "), or do not register it.");
        return null;
    }
}

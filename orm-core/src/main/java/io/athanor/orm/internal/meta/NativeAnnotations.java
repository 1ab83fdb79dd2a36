package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.AttributeConverter;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.internal.types.ColumnTypes;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/** Athanor's own annotations, which answer as themselves. Stateless and thread-safe. */
final class NativeAnnotations implements MappingAnnotations {
    static final NativeAnnotations INSTANCE = new NativeAnnotations();

    private NativeAnnotations() {
    }

    @Override
    public String name() {
        return "Athanor";
    }

    @Override
    public boolean isEntity(Class<?> type) {
        return type.isAnnotationPresent(Entity.class);
    }

    @Override
    public String entityName(Class<?> type) {
        Entity entity = type.getAnnotation(Entity.class);
        return entity == null ? "" : entity.name();
    }

    @Override
    public <A extends Annotation> A get(AnnotatedElement element, Class<A> type) {
        return element.getAnnotation(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Converter converter(Field field, String where, List<String> problems) {
        Convert convert = field.getAnnotation(Convert.class);
        if (convert == null) {
            return null;
        }
        Class<?> databaseType = databaseType(convert.value(), AttributeConverter.class);
        if (databaseType == null || !ColumnTypes.isSupported(databaseType)) {
            problems.add("Converter " + convert.value().getName() + " on " + where + " must implement "
                    + "AttributeConverter<A, D> with D one of: " + ColumnTypes.SUPPORTED + ".");
            return Converter.INVALID;
        }
        try {
            return new Converter((AttributeConverter<Object, Object>) convert.value().getDeclaredConstructor().newInstance(),
                    databaseType);
        } catch (ReflectiveOperationException e) {
            problems.add("Converter " + convert.value().getName() + " on " + where
                    + " needs a public no-argument constructor: " + e);
            return Converter.INVALID;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public AutoConverter autoConverter(Class<?> type, List<String> problems) {
        if (!AttributeConverter.class.isAssignableFrom(type)) {
            return null;
        }
        Class<?> attributeType = attributeType(type, AttributeConverter.class);
        Class<?> databaseType = databaseType(type, AttributeConverter.class);
        if (attributeType == null || databaseType == null || !ColumnTypes.isSupported(databaseType)) {
            problems.add("Converter " + type.getName() + " must implement AttributeConverter<A, D> with classes for A and D, "
                    + "and D one of: " + ColumnTypes.SUPPORTED + ".");
            return null;
        }
        try {
            return new AutoConverter(attributeType, new Converter(
                    (AttributeConverter<Object, Object>) type.getDeclaredConstructor().newInstance(), databaseType));
        } catch (ReflectiveOperationException e) {
            problems.add("Converter " + type.getName() + " needs a public no-argument constructor: " + e);
            return null;
        }
    }

    /** Jakarta Persistence annotations on a class mapped with Athanor's: the two are not mixed. */
    @Override
    public void checkSupported(Class<?> type, List<String> problems) {
        MixedAnnotations.refuse(type, "jakarta.persistence.", "Athanor's @Entity",
                "Use io.athanor.orm.annotations throughout the class, or annotate it with jakarta.persistence throughout",
                problems);
    }

    /** The {@code A} of a class implementing {@code converterInterface<A, D>}, or {@code null}. */
    static Class<?> attributeType(Class<?> converter, Class<?> converterInterface) {
        for (Class<?> c = converter; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == converterInterface) {
                    Type a = p.getActualTypeArguments()[0];
                    return a instanceof Class ? (Class<?>) a : null;
                }
            }
        }
        return null;
    }

    /** The {@code D} of a class implementing {@code converterInterface<A, D>}, or {@code null}. */
    static Class<?> databaseType(Class<?> converter, Class<?> converterInterface) {
        for (Class<?> c = converter; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == converterInterface) {
                    Type d = p.getActualTypeArguments()[1];
                    return d instanceof Class ? (Class<?>) d : null;
                }
            }
        }
        return null;
    }

    /** Finds annotations of another front end's package on a class, its fields and methods. */
    static final class MixedAnnotations {
        private MixedAnnotations() {
        }

        static void refuse(Class<?> type, String foreignPackage, String mappedWith, String fix, List<String> problems) {
            check(type, type.getName(), type.getAnnotations(), foreignPackage, mappedWith, fix, problems);
            for (Field f : type.getDeclaredFields()) {
                check(type, type.getName() + "." + f.getName(), f.getAnnotations(), foreignPackage, mappedWith, fix, problems);
            }
            for (Method m : type.getDeclaredMethods()) {
                check(type, type.getName() + "." + m.getName() + "()", m.getAnnotations(), foreignPackage, mappedWith, fix,
                        problems);
            }
        }

        private static void check(Class<?> type, String where, Annotation[] annotations, String foreignPackage,
                                  String mappedWith, String fix, List<String> problems) {
            for (Annotation a : annotations) {
                if (a.annotationType().getName().startsWith(foreignPackage)) {
                    problems.add(where + " carries @" + a.annotationType().getName() + ", but " + type.getName()
                            + " is mapped with " + mappedWith + "; one class is read with one set of annotations. " + fix
                            + ".");
                }
            }
        }
    }
}

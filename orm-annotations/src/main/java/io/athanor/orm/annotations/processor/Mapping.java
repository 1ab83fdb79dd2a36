package io.athanor.orm.annotations.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * The mapping annotations by name, and how to read them from the language model. Annotations are
 * matched by qualified name rather than by {@code Class}, so the processor works whichever class
 * loader javac gives it. Stateless and thread-safe; never throws for a well-formed model.
 */
final class Mapping {

    private static final String PACKAGE = "io.athanor.orm.annotations.";
    /** Jakarta Persistence's annotations of the same simple names are read as Athanor's. */
    private static final String JAKARTA = "jakarta.persistence.";
    static final String JAKARTA_ENTITY = JAKARTA + "Entity";
    static final String JAKARTA_EMBEDDABLE = JAKARTA + "Embeddable";
    static final String ENTITY = PACKAGE + "Entity";
    static final String EMBEDDABLE = PACKAGE + "Embeddable";
    static final String ID = PACKAGE + "Id";
    static final String MAPPED_SUPERCLASS = PACKAGE + "MappedSuperclass";
    static final String TRANSIENT = PACKAGE + "Transient";
    static final String EMBEDDED = PACKAGE + "Embedded";
    static final String MANY_TO_ONE = PACKAGE + "ManyToOne";
    static final String ONE_TO_ONE = PACKAGE + "OneToOne";
    static final String ONE_TO_MANY = PACKAGE + "OneToMany";
    static final String MANY_TO_MANY = PACKAGE + "ManyToMany";

    /** The annotations that decide a field's kind; a field may carry at most one of them. */
    static final List<String> KIND_ANNOTATIONS = List.of(MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY, EMBEDDED);

    private Mapping() {
    }

    /**
     * The mirror of {@code annotation} on {@code element}: Athanor's annotation, or Jakarta
     * Persistence's of the same simple name (matched by name, so the API need not be present).
     */
    static Optional<AnnotationMirror> find(Element element, String annotation) {
        String jakarta = annotation.startsWith(PACKAGE) ? JAKARTA + annotation.substring(PACKAGE.length()) : annotation;
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement t && (t.getQualifiedName().contentEquals(annotation)
                    || t.getQualifiedName().contentEquals(jakarta))) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    static boolean has(Element element, String annotation) {
        return find(element, annotation).isPresent();
    }

    static boolean isEntity(TypeElement type) {
        return has(type, ENTITY);
    }

    static boolean isEmbeddable(TypeElement type) {
        return has(type, EMBEDDABLE);
    }

    /**
     * Whether a field holds an embedded value: it is {@code @Embedded}, or (the Jakarta Persistence way,
     * where the annotation may be left out) its type is a {@code jakarta.persistence.Embeddable}.
     */
    static boolean isEmbedded(VariableElement field) {
        if (has(field, EMBEDDED)) {
            return true;
        }
        TypeElement type = typeElement(field.asType());
        return type != null && type.getAnnotationMirrors().stream().anyMatch(m -> m.getAnnotationType().asElement()
                instanceof TypeElement t && t.getQualifiedName().contentEquals(JAKARTA_EMBEDDABLE));
    }

    /** {@code @OneToMany} for {@code io.athanor.orm.annotations.OneToMany}. */
    static String display(String annotation) {
        return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
    }

    /** The explicit {@code mappedBy} of a relationship annotation, or {@code ""}. */
    static String mappedBy(AnnotationMirror mirror) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals("mappedBy") && e.getValue().getValue() instanceof String s) {
                return s;
            }
        }
        return "";
    }

    /** The declared fields that are mapped: not static, not {@code transient}, not {@code @Transient}. */
    static List<VariableElement> mappedFields(TypeElement type) {
        List<VariableElement> mapped = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            Set<Modifier> modifiers = field.getModifiers();
            if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT) && !has(field, TRANSIENT)) {
                mapped.add(field);
            }
        }
        return mapped;
    }

    /**
     * The mapped fields of a class and of the superclasses it maps (each {@code @MappedSuperclass} or
     * {@code @Entity} above it), the topmost class's first, as the runtime reads them.
     */
    static List<VariableElement> inheritedAndOwnFields(TypeElement type) {
        List<VariableElement> all = new ArrayList<>();
        for (TypeElement s = superclass(type); s != null; s = superclass(s)) {
            if (has(s, MAPPED_SUPERCLASS) || isEntity(s)) {
                all.addAll(0, mappedFields(s));
            }
        }
        all.addAll(mappedFields(type));
        return all;
    }

    private static TypeElement superclass(TypeElement type) {
        TypeElement s = typeElement(type.getSuperclass());
        return s == null || s.getQualifiedName().contentEquals("java.lang.Object") ? null : s;
    }

    /** The class or interface a declared type names, or {@code null} for any other type. */
    static TypeElement typeElement(TypeMirror type) {
        if (type != null && type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement t) {
            return t;
        }
        return null;
    }

    /** {@code User.orders}: the simple name of the field's class and the field's name. */
    static String name(VariableElement field) {
        return field.getEnclosingElement().getSimpleName() + "." + field.getSimpleName();
    }

    /** Whether a type still names something javac could not resolve (perhaps generated in a later round). */
    static boolean isUnresolved(TypeMirror type) {
        switch (type.getKind()) {
            case ERROR:
                return true;
            case ARRAY:
                return isUnresolved(((ArrayType) type).getComponentType());
            case WILDCARD:
                WildcardType w = (WildcardType) type;
                return w.getExtendsBound() != null && isUnresolved(w.getExtendsBound())
                        || w.getSuperBound() != null && isUnresolved(w.getSuperBound());
            case DECLARED:
                for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                    if (isUnresolved(argument)) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }
}

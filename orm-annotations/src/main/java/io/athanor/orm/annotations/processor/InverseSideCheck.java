package io.athanor.orm.annotations.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Checks the {@code mappedBy} of an inverse relationship side: it must name a mapped field of the
 * target entity that is the owning side and refers back to the declaring entity
 * ({@code @OneToMany} → {@code @ManyToOne}, {@code @OneToOne} → {@code @OneToOne},
 * {@code @ManyToMany} → {@code @ManyToMany}, the owning side without a {@code mappedBy} of its own).
 *
 * <p>Targets that are not {@code @Entity} classes visible to the compiler are not checked. Reports
 * errors on the inverse field. Not thread-safe.
 */
final class InverseSideCheck {

    private final Messager messager;
    private final Diagnostic.Kind severity;
    private final Types types;
    private final FieldClassifier classifier;

    InverseSideCheck(Messager messager, Diagnostic.Kind severity, Types types, FieldClassifier classifier) {
        this.severity = severity;
        this.messager = messager;
        this.types = types;
        this.classifier = classifier;
    }

    /**
     * Checks one inverse side.
     *
     * @param owner      the entity declaring {@code field}
     * @param field      the field carrying {@code mappedBy}
     * @param annotation the relationship annotation of {@code field}
     * @param mappedBy   the (non-empty) {@code mappedBy} value
     * @param targetType the referenced type: the field's type, or its element type for collections
     * @return whether the mapping is correct (or could not be checked)
     */
    boolean check(TypeElement owner, VariableElement field, String annotation, String mappedBy, TypeMirror targetType) {
        TypeElement target = Mapping.typeElement(targetType);
        if (target == null || !Mapping.isEntity(target)) {
            return true;
        }
        String where = "mappedBy '" + mappedBy + "' on " + Mapping.name(field);
        Optional<VariableElement> other = ElementFilter.fieldsIn(target.getEnclosedElements()).stream()
                .filter(f -> f.getSimpleName().contentEquals(mappedBy))
                .findFirst()
                .or(() -> Mapping.inheritedAndOwnFields(target).stream()
                        .filter(f -> f.getSimpleName().contentEquals(mappedBy)).findFirst());
        if (other.isEmpty()) {
            List<String> names = new ArrayList<>();
            Mapping.inheritedAndOwnFields(target).forEach(f -> names.add(f.getSimpleName().toString()));
            return error(field, where + " names no field of " + target.getSimpleName() + "; "
                    + target.getSimpleName() + "'s fields are: " + names + ".");
        }
        String problem = problem(owner, annotation, other.get(), target);
        if (problem == null) {
            return true;
        }
        return error(field, where + " names " + Mapping.name(other.get()) + ", which does not refer back to "
                + owner.getSimpleName() + ": " + problem);
    }

    /** Why {@code other} is not the owning side for {@code owner}, or {@code null} if it is. */
    private String problem(TypeElement owner, String annotation, VariableElement other, TypeElement target) {
        String expected = annotation.equals(Mapping.ONE_TO_MANY) ? Mapping.MANY_TO_ONE : annotation;
        String wanted = "mappedBy must name the " + Mapping.display(expected) + " field of " + target.getSimpleName()
                + " that refers to " + owner.getSimpleName() + ".";
        if (!Mapping.inheritedAndOwnFields(target).contains(other)) {
            return "it is not mapped (it is static, transient or @Transient); " + wanted;
        }
        Optional<AnnotationMirror> mirror = Mapping.find(other, expected);
        if (mirror.isEmpty()) {
            return "it is " + describe(other) + ", not a " + Mapping.display(expected) + "; " + wanted;
        }
        String otherMappedBy = Mapping.mappedBy(mirror.get());
        if (!otherMappedBy.isEmpty()) {
            return "it has mappedBy '" + otherMappedBy + "' itself, so neither side owns the relationship; "
                    + "remove mappedBy from the side that should own it.";
        }
        TypeMirror referenced = expected.equals(Mapping.MANY_TO_MANY)
                ? classifier.elementType(other.asType())
                : other.asType();
        if (referenced == null) {
            return null; // the owning side's type is wrong; its own check reports that
        }
        if (!types.isSubtype(types.erasure(owner.asType()), types.erasure(referenced))) {
            return "it is a " + Mapping.display(expected) + " of " + simpleName(referenced) + "; " + wanted;
        }
        return null;
    }

    private static String describe(VariableElement field) {
        for (String annotation : Mapping.KIND_ANNOTATIONS) {
            if (Mapping.has(field, annotation)) {
                return annotation.equals(Mapping.EMBEDDED) ? "an @Embedded value" : "a " + Mapping.display(annotation);
            }
        }
        return "a plain column";
    }

    private static String simpleName(TypeMirror type) {
        TypeElement element = Mapping.typeElement(type);
        return element == null ? type.toString() : element.getSimpleName().toString();
    }

    private boolean error(VariableElement field, String message) {
        messager.printMessage(severity, message, field);
        return false;
    }
}

package io.athanor.orm.annotations.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * The mapping mistakes that can be seen at compile time, reported as errors on the offending class or
 * field: an entity without {@code @Id}, final or without a no-argument constructor; an embeddable class
 * without a no-argument constructor or with final fields (a record is built through its canonical
 * constructor instead), or holding a relationship; a to-many field
 * that is not a generic collection; an {@code @Embedded} field of a type that is not
 * {@code @Embeddable} (or that contains itself); a {@code mappedBy} that does not name the owning side
 * (see {@link InverseSideCheck}); and classes the generated metamodel could not name.
 *
 * <p>Problems inside an embeddable reached through an {@code @Embedded} field are reported by that
 * embeddable's own check when it is compiled in the same run, else on the embedding field. Not
 * thread-safe.
 */
final class MappingChecks {

    private final Messager messager;
    private final Diagnostic.Kind severity;
    private final Elements elements;
    private final Types types;
    private final FieldClassifier classifier;
    private final InverseSideCheck inverse;
    private final Set<String> inCompilation;

    /**
     * @param inCompilation qualified names of the annotated classes compiled in this run; the processor
     *                      adds to it as rounds find more
     */
    MappingChecks(Messager messager, Diagnostic.Kind severity, Elements elements, Types types, FieldClassifier classifier,
                  Set<String> inCompilation) {
        this.severity = severity;
        this.messager = messager;
        this.elements = elements;
        this.types = types;
        this.classifier = classifier;
        this.inverse = new InverseSideCheck(messager, severity, types, classifier);
        this.inCompilation = inCompilation;
    }

    /** Checks one {@code @Entity} or {@code @Embeddable} class; returns whether it is free of errors. */
    boolean check(TypeElement type) {
        if (!checkShape(type)) {
            return false;
        }
        boolean ok = Mapping.isEntity(type) ? checkEntity(type) : checkEmbeddable(type);
        PackageElement pkg = elements.getPackageOf(type);
        boolean entity = Mapping.isEntity(type);
        for (VariableElement field : entity ? Mapping.inheritedAndOwnFields(type) : Mapping.mappedFields(type)) {
            // an inherited field is checked as a field of this entity, with its type as the entity sees it
            ok &= checkField(type, field, pkg, entity ? types.asMemberOf((javax.lang.model.type.DeclaredType) type.asType(),
                    field) : field.asType());
        }
        return ok;
    }

    private boolean checkShape(TypeElement type) {
        boolean entity = Mapping.isEntity(type);
        String what = (entity ? "Entity " : "Embeddable ") + type.getQualifiedName();
        if (entity && Mapping.isEmbeddable(type)) {
            return error(type, "Class " + type.getQualifiedName() + " is annotated with both @Entity and @Embeddable, but an"
                    + " entity has a table and an identity of its own while an embeddable value is stored in its"
                    + " owner's columns: keep one of the two.");
        }
        ElementKind kind = type.getKind();
        if (kind != ElementKind.CLASS && !(kind == ElementKind.RECORD && !entity)) {
            return error(type, what + " is " + article(kind) + ", but " + (entity ? "entities" : "embeddables")
                    + " must be classes: declare it as a class.");
        }
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            return error(type, what + " is a local class, which its metamodel can't refer to: make it a top-level class.");
        }
        if (type.getNestingKind() == NestingKind.MEMBER && kind == ElementKind.CLASS
                && !type.getModifiers().contains(Modifier.STATIC) && !inInterface(type)) {
            return error(type, what + " is an inner class, so it can't be created without an instance of "
                    + type.getEnclosingElement().getSimpleName() + ": declare it static.");
        }
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return error(type, what + (e == type ? " is private" : " is nested in the private class " + e.getSimpleName())
                        + ", so its metamodel " + MetamodelWriter.metamodelName(type)
                        + " can't refer to it: make it package-private or public.");
            }
        }
        return true;
    }

    private boolean checkEntity(TypeElement type) {
        boolean ok = true;
        String what = "Entity " + type.getQualifiedName();
        if (type.getModifiers().contains(Modifier.FINAL)) {
            ok = error(type, what + " is final, but lazy loading stands in for unloaded " + type.getSimpleName()
                    + " rows with a subclass proxy: remove the final modifier.");
        }
        if (ElementFilter.constructorsIn(type.getEnclosedElements()).stream().noneMatch(c -> c.getParameters().isEmpty())) {
            ok = error(type, what + " has no no-argument constructor, which lazy loading needs to create its subclass"
                    + " proxies and loading needs to create instances: add one (it need not be public).");
        }
        if (Mapping.inheritedAndOwnFields(type).stream().noneMatch(f -> Mapping.has(f, Mapping.ID))) {
            ok = error(type, what + " has no @Id field: mark its primary key field with @Id.");
        }
        return ok;
    }

    /**
     * An embeddable is a record (built through its canonical constructor) or a class Athanor creates with
     * its no-argument constructor and fills field by field; neither holds relationships.
     */
    private boolean checkEmbeddable(TypeElement type) {
        boolean ok = true;
        String what = "Embeddable " + type.getQualifiedName();
        boolean record = type.getKind() == ElementKind.RECORD;
        if (!record && ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .noneMatch(c -> c.getParameters().isEmpty())) {
            ok = error(type, what + " has no no-argument constructor, which loading needs to create its values: add one"
                    + " (it need not be public), or declare it as a record.");
        }
        for (VariableElement field : Mapping.mappedFields(type)) {
            List<String> relationships = new ArrayList<>();
            for (String a : List.of(Mapping.MANY_TO_ONE, Mapping.ONE_TO_ONE, Mapping.ONE_TO_MANY, Mapping.MANY_TO_MANY)) {
                if (Mapping.has(field, a)) {
                    relationships.add(Mapping.display(a));
                }
            }
            if (!relationships.isEmpty()) {
                ok = error(field, "Field " + Mapping.name(field) + " is a " + relationships.get(0) + " relationship inside an"
                        + " @Embeddable, which Athanor does not map: relationships belong on the entity, so move it there.");
            } else if (!record && field.getModifiers().contains(Modifier.FINAL)) {
                ok = error(field, "Field " + Mapping.name(field) + " is final, but loading sets the fields of an embeddable"
                        + " class: remove final, mark it @Transient, or declare " + type.getSimpleName() + " as a record.");
            }
        }
        return ok;
    }

    private boolean checkField(TypeElement owner, VariableElement field, PackageElement pkg, javax.lang.model.type.TypeMirror type) {
        List<String> kinds = new ArrayList<>();
        Mapping.KIND_ANNOTATIONS.stream().filter(a -> Mapping.has(field, a)).forEach(a -> kinds.add(Mapping.display(a)));
        if (kinds.size() > 1) {
            return error(field, "Field " + Mapping.name(field) + " has " + String.join(" and ", kinds)
                    + ", but a field is mapped in one way only: keep one of them.");
        }
        MetaField meta = classifier.classify(field, type);
        switch (meta.kind()) {
            case EMBEDDED:
                Set<TypeElement> chain = new HashSet<>();
                chain.add(owner);
                return checkEmbedded(owner, field, field, Mapping.name(field), chain, pkg);
            case COLLECTION:
                return checkToMany(owner, field, meta, pkg);
            case REFERENCE:
                boolean ok = accessible(field, meta.valueType(), pkg, null);
                String mappedBy = Mapping.find(field, Mapping.ONE_TO_ONE).map(Mapping::mappedBy).orElse("");
                if (!mappedBy.isEmpty() && Mapping.isEntity(owner)) {
                    ok &= inverse.check(owner, field, Mapping.ONE_TO_ONE, mappedBy, meta.valueType());
                }
                return ok;
            default:
                return accessible(field, meta.valueType(), pkg, null);
        }
    }

    private boolean checkToMany(TypeElement owner, VariableElement field, MetaField meta, PackageElement pkg) {
        String annotation = Mapping.has(field, Mapping.ONE_TO_MANY) ? Mapping.ONE_TO_MANY : Mapping.MANY_TO_MANY;
        if (meta.valueType() == null) {
            return error(field, notACollection(field, annotation));
        }
        boolean ok = accessible(field, meta.valueType(), pkg, null);
        String mappedBy = Mapping.find(field, annotation).map(Mapping::mappedBy).orElse("");
        TypeElement target = Mapping.typeElement(meta.valueType());
        if (annotation.equals(Mapping.ONE_TO_MANY) && mappedBy.isEmpty()) {
            String guess = decapitalize(owner.getSimpleName().toString());
            return error(field, "@OneToMany field " + Mapping.name(field) + " has an empty mappedBy: name the @ManyToOne"
                    + " field of " + target.getSimpleName() + " that refers back to " + owner.getSimpleName()
                    + ", e.g. @OneToMany(mappedBy = \"" + guess + "\").");
        }
        if (!mappedBy.isEmpty() && Mapping.isEntity(owner)) {
            ok &= inverse.check(owner, field, annotation, mappedBy, meta.valueType());
        }
        return ok;
    }

    /**
     * Checks the embeddable under an {@code @Embedded} field, recursively.
     *
     * @param root  the class being checked
     * @param top   the field of {@code root} the walk started from
     * @param field the {@code @Embedded} field reached (a field of {@code root} or of an embeddable)
     * @param path  {@code Root.top.….field}, for messages
     * @param chain the classes between {@code root} and {@code field}, to find cycles
     */
    private boolean checkEmbedded(TypeElement root, VariableElement top, VariableElement field, String path,
                                  Set<TypeElement> chain, PackageElement pkg) {
        TypeMirror type = field.asType();
        TypeElement target = Mapping.typeElement(type);
        if (target == null || !Mapping.isEmbeddable(target)) {
            String name = target == null ? type.toString() : target.getSimpleName().toString();
            return intrinsic(top, field, "@Embedded field " + Mapping.name(field) + " has type " + type
                    + ", which is not @Embeddable: " + (target == null ? "use an @Embeddable class" : "annotate " + name
                    + " with @Embeddable") + ", or remove @Embedded.");
        }
        if (target.equals(root) || chain.contains(target)) {
            boolean ownCycle = target.equals(root);
            String message = "@Embedded field " + Mapping.name(ownCycle ? top : field) + " makes "
                    + target.getSimpleName() + " contain itself (" + path + "), which no row can store: make one"
                    + " of these fields a relationship to an entity, or @Transient.";
            return ownCycle ? error(top, message) : intrinsic(top, field, message);
        }
        chain.add(target);
        boolean ok = true;
        for (VariableElement sub : Mapping.mappedFields(target)) {
            MetaField meta = classifier.classify(sub);
            if (meta.kind() == FieldKind.EMBEDDED) {
                ok &= checkEmbedded(root, top, sub, path + "." + sub.getSimpleName(), chain, pkg);
            } else if (meta.valueType() == null) {
                String annotation = Mapping.has(sub, Mapping.ONE_TO_MANY) ? Mapping.ONE_TO_MANY : Mapping.MANY_TO_MANY;
                ok &= intrinsic(top, sub, notACollection(sub, annotation));
            } else {
                ok &= accessible(sub, meta.valueType(), pkg, top);
            }
        }
        chain.remove(target);
        return ok;
    }

    /**
     * A problem of an embeddable's own field: reported on that field when it is the one being checked,
     * left to the embeddable's own check when it is compiled in this run, else reported on {@code top}.
     */
    private boolean intrinsic(VariableElement top, VariableElement field, String message) {
        if (field.equals(top)) {
            return error(field, message);
        }
        Element owner = field.getEnclosingElement();
        if (!(owner instanceof TypeElement t) || !inCompilation.contains(t.getQualifiedName().toString())) {
            error(top, "@Embedded field " + Mapping.name(top) + " can't be mapped: " + message);
        }
        return false;
    }

    /**
     * Whether the metamodel in {@code pkg} can name the classes in {@code type}.
     *
     * @param top the embedding field to report on when {@code field} belongs to an embeddable, else {@code null}
     */
    private boolean accessible(VariableElement field, TypeMirror type, PackageElement pkg, VariableElement top) {
        TypeRenderer renderer = new TypeRenderer(types);
        renderer.classLiteral(type);
        for (TypeElement named : renderer.named()) {
            for (Element e = named; e instanceof TypeElement; e = e.getEnclosingElement()) {
                boolean isPrivate = e.getModifiers().contains(Modifier.PRIVATE);
                boolean samePackage = elements.getPackageOf(e).getQualifiedName().contentEquals(pkg.getQualifiedName());
                if (isPrivate || !samePackage && !e.getModifiers().contains(Modifier.PUBLIC)) {
                    String problem = ((TypeElement) e).getQualifiedName() + (isPrivate ? " is private" : " is not public")
                            + ", so the generated metamodel (in " + (pkg.isUnnamed() ? "the unnamed package" : "package "
                            + pkg.getQualifiedName()) + ") can't refer to it: make it "
                            + (samePackage ? "package-private or public." : "public.");
                    return top == null
                            ? error(field, "Field " + Mapping.name(field) + " has type " + type + ", but " + problem)
                            : error(top, "@Embedded field " + Mapping.name(top) + " can't be mapped: the type of "
                                    + Mapping.name(field) + " is " + type + ", but " + problem);
                }
            }
        }
        return true;
    }

    private static String notACollection(VariableElement field, String annotation) {
        return Mapping.display(annotation) + " field " + Mapping.name(field) + " has type " + field.asType()
                + ", which is not a generic collection type with one type argument naming the related entity:"
                + " declare it as List<E>, Set<E> or Collection<E>, with E the related entity class.";
    }

    private static boolean inInterface(TypeElement type) {
        ElementKind outer = type.getEnclosingElement().getKind();
        return outer == ElementKind.INTERFACE || outer == ElementKind.ANNOTATION_TYPE;
    }

    private static String article(ElementKind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private boolean error(Element element, String message) {
        messager.printMessage(severity, message, element);
        return false;
    }
}

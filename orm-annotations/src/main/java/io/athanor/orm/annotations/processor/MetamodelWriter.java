package io.athanor.orm.annotations.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the source of a metamodel class {@code C_}: one {@code public static final} attribute handle
 * per mapped field of {@code C}, and for each {@code @Embedded} field a nested {@code FieldPath} class
 * whose handles have {@code field.subfield} paths. Every type is fully qualified.
 *
 * <p>Expects a class that passed the mapping checks; embedded cycles are skipped rather than
 * followed. Not thread-safe (javac runs a processor on one thread).
 */
final class MetamodelWriter {

    /** The value of the {@code @Generated} annotation on every metamodel class. */
    static final String GENERATOR = "io.athanor.orm.annotations.processor.MetamodelProcessor";

    private static final String GENERATED = "javax.annotation.processing.Generated";
    private static final String INDENT = "    ";

    private final Elements elements;
    private final Types types;
    private final FieldClassifier classifier;

    MetamodelWriter(Elements elements, Types types, FieldClassifier classifier) {
        this.elements = elements;
        this.types = types;
        this.classifier = classifier;
    }

    /** {@code User_} for {@code User}, {@code Outer_Inner_} for the nested class {@code Outer.Inner}. */
    static String metamodelName(TypeElement type) {
        Deque<String> names = new ArrayDeque<>();
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            names.addFirst(e.getSimpleName().toString());
        }
        return String.join("_", names) + "_";
    }

    /** The qualified name of the metamodel class, for {@code Filer.createSourceFile}. */
    String qualifiedMetamodelName(TypeElement type) {
        PackageElement pkg = elements.getPackageOf(type);
        String simple = metamodelName(type);
        return pkg.isUnnamed() ? simple : pkg.getQualifiedName() + "." + simple;
    }

    /** The complete source of {@code C_}. */
    String source(TypeElement type) {
        String name = metamodelName(type);
        TypeRenderer renderer = new TypeRenderer(types);
        Context context = new Context(renderer, type.getQualifiedName().toString());
        renderer.named().add(type);
        Set<TypeElement> chain = new HashSet<>();
        chain.add(type);
        String body = classBody(context, type, "", true, name, Set.of(name), chain, INDENT);

        StringBuilder out = new StringBuilder();
        PackageElement pkg = elements.getPackageOf(type);
        if (!pkg.isUnnamed()) {
            out.append("package ").append(pkg.getQualifiedName()).append(";\n\n");
        }
        out.append("/**\n * The metamodel of {@link ").append(context.entity())
                .append("}: one typed attribute handle per mapped field, for queries.\n */\n");
        if (generatedAnnotationAvailable(type)) {
            out.append('@').append(GENERATED).append("(\"").append(GENERATOR).append("\")\n");
        }
        List<String> suppressed = classWarnings(type, renderer.named());
        if (!suppressed.isEmpty()) {
            out.append("@SuppressWarnings({\"").append(String.join("\", \"", suppressed)).append("\"})\n");
        }
        return out.append("public final class ").append(name).append(" {\n").append(body).append("}\n").toString();
    }

    private String classBody(Context context, TypeElement owner, String prefix, boolean top, String className,
                             Set<String> enclosing, Set<TypeElement> chain, String indent) {
        StringBuilder fields = new StringBuilder();
        StringBuilder nested = new StringBuilder();
        Set<String> siblings = new HashSet<>();
        String modifiers = top ? "public static final " : "public final ";
        boolean inherits = top && Mapping.isEntity(owner);
        for (VariableElement field : inherits ? Mapping.inheritedAndOwnFields(owner) : Mapping.mappedFields(owner)) {
            MetaField meta = inherits ? classifier.classify(field, memberType(owner, field)) : classifier.classify(field);
            String path = prefix + meta.name();
            if (meta.kind() != FieldKind.EMBEDDED) {
                fields.append(handle(context, meta, path, modifiers, indent));
                continue;
            }
            TypeElement embeddable = Mapping.typeElement(meta.valueType());
            if (embeddable == null || !chain.add(embeddable)) {
                continue;
            }
            String pathClass = uniqueName(capitalize(meta.name()) + "Path", enclosing, siblings);
            fields.append(indent).append(modifiers).append(pathClass).append(' ').append(meta.name())
                    .append(" = new ").append(pathClass).append("();\n");
            Set<String> inner = new HashSet<>(enclosing);
            inner.add(pathClass);
            nested.append('\n')
                    .append(indent).append("/** The attributes of the embedded value {@code ").append(path).append("}. */\n")
                    .append(indent).append("public static final class ").append(pathClass).append(" {\n")
                    .append(classBody(context, embeddable, path + ".", false, pathClass, inner, chain, indent + INDENT))
                    .append(indent).append("}\n");
            chain.remove(embeddable);
        }
        return fields
                .append('\n').append(indent).append("private ").append(className).append("() {\n")
                .append(indent).append("}\n")
                .append(nested)
                .toString();
    }

    /** The field's type as a member of {@code owner}: a type variable of a generic superclass resolved. */
    private javax.lang.model.type.TypeMirror memberType(TypeElement owner, VariableElement field) {
        return types.asMemberOf((javax.lang.model.type.DeclaredType) owner.asType(), field);
    }

    private static String handle(Context context, MetaField meta, String path, String modifiers, String indent) {
        FieldKind kind = meta.kind();
        TypeRenderer renderer = context.renderer();
        StringBuilder out = new StringBuilder();
        if (kind != FieldKind.STRING && renderer.needsUncheckedCast(meta.valueType())) {
            out.append(indent).append("@SuppressWarnings(\"unchecked\")\n");
        }
        out.append(indent).append(modifiers).append(kind.handleClass()).append('<').append(context.entity());
        if (kind != FieldKind.STRING) {
            out.append(", ").append(renderer.argument(meta.valueType()));
        }
        out.append("> ").append(meta.name()).append(" =\n")
                .append(indent).append(INDENT).append(INDENT).append("new ").append(kind.handleClass())
                .append("<>(").append(context.entity()).append(".class, \"").append(path).append('"');
        if (kind != FieldKind.STRING) {
            out.append(", ").append(renderer.classLiteral(meta.valueType()));
        }
        return out.append(");\n").toString();
    }

    /** Warnings the generated class can't avoid: raw uses of a generic entity, deprecated classes. */
    private List<String> classWarnings(TypeElement type, Set<TypeElement> named) {
        Set<String> warnings = new LinkedHashSet<>();
        if (!type.getTypeParameters().isEmpty()) {
            warnings.add("rawtypes");
        }
        for (TypeElement element : named) {
            for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
                if (elements.isDeprecated(e)) {
                    warnings.add(forRemoval(e) ? "removal" : "deprecation");
                }
            }
        }
        return List.copyOf(warnings);
    }

    private static boolean forRemoval(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals("java.lang.Deprecated")) {
                for (var entry : mirror.getElementValues().entrySet()) {
                    ExecutableElement key = entry.getKey();
                    AnnotationValue value = entry.getValue();
                    if (key.getSimpleName().contentEquals("forRemoval") && Boolean.TRUE.equals(value.getValue())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean generatedAnnotationAvailable(TypeElement type) {
        ModuleElement module = elements.getModuleOf(type);
        if (module != null && !module.isUnnamed()) {
            return elements.getTypeElement(module, GENERATED) != null;
        }
        return elements.getTypeElement(GENERATED) != null;
    }

    private static String uniqueName(String base, Set<String> enclosing, Set<String> siblings) {
        String name = base;
        for (int i = 2; enclosing.contains(name) || siblings.contains(name); i++) {
            name = base + i;
        }
        siblings.add(name);
        return name;
    }

    private static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** What every handle of one metamodel class shares: the renderer and the entity's qualified name. */
    private record Context(TypeRenderer renderer, String entity) {
    }
}

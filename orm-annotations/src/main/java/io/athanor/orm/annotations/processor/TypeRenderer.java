package io.athanor.orm.annotations.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Writes types as Java source for the generated metamodel: fully qualified (so no import can clash
 * with a user's class names), boxed where a type argument is needed, and without type variables,
 * which a static field can't name (they become their erasure, with {@code <?>} arguments).
 *
 * <p>Records every class it names, so callers can check those are accessible and not deprecated.
 * Not thread-safe; use one per generated class.
 */
final class TypeRenderer {

    private final Types types;
    private final Set<TypeElement> named = new LinkedHashSet<>();

    TypeRenderer(Types types) {
        this.types = types;
    }

    /** The classes named by everything rendered so far. */
    Set<TypeElement> named() {
        return named;
    }

    /** The type as a type argument: {@code java.lang.Integer} for {@code int}, {@code java.util.List<java.lang.String>}. */
    String argument(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return qualified(types.boxedClass((PrimitiveType) type));
        }
        String exact = exact(type);
        return exact != null ? exact : wildcarded(types.erasure(type));
    }

    /**
     * An expression of type {@code Class<argument(type)>}: a class literal, cast through
     * {@code Class<?>} when the argument is parameterized (see {@link #needsUncheckedCast}).
     */
    String classLiteral(TypeMirror type) {
        String argument = argument(type);
        String raw = raw(type);
        return argument.equals(raw)
                ? raw + ".class"
                : "(java.lang.Class<" + argument + ">) (java.lang.Class<?>) " + raw + ".class";
    }

    /** Whether {@link #classLiteral} casts, so the declaration needs {@code @SuppressWarnings("unchecked")}. */
    boolean needsUncheckedCast(TypeMirror type) {
        return !argument(type).equals(raw(type));
    }

    private String raw(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return argument(type);
        }
        return erased(types.erasure(type), false);
    }

    private String wildcarded(TypeMirror erased) {
        return erased(erased, true);
    }

    private String erased(TypeMirror erased, boolean wildcards) {
        switch (erased.getKind()) {
            case ARRAY:
                return primitiveOr(((ArrayType) erased).getComponentType(), wildcards) + "[]";
            case DECLARED:
                TypeElement element = (TypeElement) ((DeclaredType) erased).asElement();
                int parameters = element.getTypeParameters().size();
                if (!wildcards || parameters == 0) {
                    return qualified(element);
                }
                return qualified(element) + "<" + String.join(", ", Collections.nCopies(parameters, "?")) + ">";
            default:
                return "java.lang.Object";
        }
    }

    private String primitiveOr(TypeMirror component, boolean wildcards) {
        return component.getKind().isPrimitive() ? keyword(component) : erased(types.erasure(component), wildcards);
    }

    /** The type exactly as declared, or {@code null} if it mentions a type variable or is raw. */
    private String exact(TypeMirror type) {
        TypeKind kind = type.getKind();
        if (kind.isPrimitive()) {
            return keyword(type);
        }
        switch (kind) {
            case ARRAY:
                String component = exact(((ArrayType) type).getComponentType());
                return component == null ? null : component + "[]";
            case DECLARED:
                return declared((DeclaredType) type);
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    String bound = exact(wildcard.getExtendsBound());
                    return bound == null ? null : "? extends " + bound;
                }
                if (wildcard.getSuperBound() != null) {
                    String bound = exact(wildcard.getSuperBound());
                    return bound == null ? null : "? super " + bound;
                }
                return "?";
            default:
                return null;
        }
    }

    private String declared(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        if (arguments.isEmpty() && !element.getTypeParameters().isEmpty()) {
            return null;
        }
        String name;
        TypeMirror outer = type.getEnclosingType();
        if (outer.getKind() == TypeKind.DECLARED && !((DeclaredType) outer).getTypeArguments().isEmpty()) {
            String outerName = declared((DeclaredType) outer);
            if (outerName == null) {
                return null;
            }
            named.add(element);
            name = outerName + "." + element.getSimpleName();
        } else {
            name = qualified(element);
        }
        if (arguments.isEmpty()) {
            return name;
        }
        List<String> rendered = new ArrayList<>();
        for (TypeMirror argument : arguments) {
            String text = exact(argument);
            if (text == null || argument.getKind().isPrimitive()) {
                return null;
            }
            rendered.add(text);
        }
        return name + "<" + String.join(", ", rendered) + ">";
    }

    private String qualified(TypeElement element) {
        named.add(element);
        return element.getQualifiedName().toString();
    }

    private static String keyword(TypeMirror primitive) {
        return primitive.getKind().name().toLowerCase(Locale.ROOT);
    }
}

package io.athanor.orm.annotations.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Decides the {@link FieldKind} of a mapped field from its annotations and Java type. Relationship
 * annotations win over {@code @Embedded}, which wins over the type. Stateless and thread-safe.
 */
final class FieldClassifier {

    private static final Set<String> NUMBERS = Set.of(
            "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.math.BigDecimal", "java.math.BigInteger");

    private static final Set<String> COMPARABLES = Set.of(
            "java.lang.Character", "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime",
            "java.time.OffsetDateTime", "java.time.Instant", "java.time.Duration", "java.util.UUID");

    /** The field's kind and the value type of its handle. */
    MetaField classify(VariableElement field) {
        return classify(field, field.asType());
    }

    /** The field's kind and the value type of its handle, {@code type} being the field's type as a member of a subclass. */
    MetaField classify(VariableElement field, TypeMirror type) {
        if (Mapping.has(field, Mapping.MANY_TO_ONE) || Mapping.has(field, Mapping.ONE_TO_ONE)) {
            return new MetaField(field, FieldKind.REFERENCE, type);
        }
        if (Mapping.has(field, Mapping.ONE_TO_MANY) || Mapping.has(field, Mapping.MANY_TO_MANY)) {
            return new MetaField(field, FieldKind.COLLECTION, elementType(type));
        }
        if (Mapping.isEmbedded(field)) {
            return new MetaField(field, FieldKind.EMBEDDED, type);
        }
        return new MetaField(field, basicKind(type), type);
    }

    /**
     * The element type of a to-many field's type: the single type argument of a generic type
     * ({@code List<Order>}, {@code Set<? extends Order>}, {@code DynamicCollection<Order>}), if that
     * argument names a class; otherwise {@code null}.
     */
    TypeMirror elementType(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() != 1) {
            return null;
        }
        TypeMirror element = arguments.get(0);
        if (element.getKind() == TypeKind.WILDCARD) {
            element = ((WildcardType) element).getExtendsBound();
        }
        return element != null && element.getKind() == TypeKind.DECLARED ? element : null;
    }

    private static FieldKind basicKind(TypeMirror type) {
        switch (type.getKind()) {
            case BYTE:
            case SHORT:
            case INT:
            case LONG:
            case FLOAT:
            case DOUBLE:
                return FieldKind.NUMBER;
            case CHAR:
                return FieldKind.COMPARABLE;
            case DECLARED:
                TypeElement element = Mapping.typeElement(type);
                if (element == null) {
                    return FieldKind.BASIC;
                }
                String name = element.getQualifiedName().toString();
                if (name.equals("java.lang.String")) {
                    return FieldKind.STRING;
                }
                if (NUMBERS.contains(name)) {
                    return FieldKind.NUMBER;
                }
                if (COMPARABLES.contains(name) || element.getKind() == ElementKind.ENUM) {
                    return FieldKind.COMPARABLE;
                }
                return FieldKind.BASIC;
            default:
                return FieldKind.BASIC;
        }
    }
}

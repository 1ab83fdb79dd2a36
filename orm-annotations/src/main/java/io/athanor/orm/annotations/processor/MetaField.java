package io.athanor.orm.annotations.processor;

import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A mapped field as the metamodel sees it.
 *
 * @param field     the field
 * @param kind      what it becomes in the metamodel
 * @param valueType the handle's value type: the field's type, or the element type of a collection
 *                  ({@code null} when the collection type has no usable element type)
 */
record MetaField(VariableElement field, FieldKind kind, TypeMirror valueType) {

    String name() {
        return field.getSimpleName().toString();
    }
}

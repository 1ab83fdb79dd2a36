package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.JoinTable;
import java.lang.reflect.Field;
import java.util.Set;

/** A relationship field as read from its annotations, before its target is resolved. */
final class RelationshipDraft {
    RelationshipModel.Kind kind;
    Field field;
    Accessor accessor;
    Class<?> target;
    Class<?> collectionType;
    FetchMode fetch;
    Set<CascadeType> cascade;
    boolean orphanRemoval;
    boolean passiveDeletes;
    boolean viewOnly;
    boolean optional = true;
    String orderBy = "";
    String mappedBy = "";
    JoinColumn joinColumn;
    JoinTable joinTable;
    RelationshipModel model;

    String describe() {
        return field.getDeclaringClass().getSimpleName() + "." + field.getName();
    }
}

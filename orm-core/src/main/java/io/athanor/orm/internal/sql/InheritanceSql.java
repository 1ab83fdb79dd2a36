package io.athanor.orm.internal.sql;

import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.InheritanceModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.query.Aliased;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The SQL of single-table inheritance: the discriminator condition of a subclass, and FROM items shared by a hierarchy. */
final class InheritanceSql {
    private InheritanceSql() {
    }

    /**
     * The unqualified condition ({@code "dtype" IN ('card', 'wire')}) keeping the rows of the entity behind
     * {@code source} and its subclasses, or {@code null} when it needs none (not an entity, or a hierarchy's root).
     * The values are the mapping's own, written as literals so the statement's shape does not change.
     */
    static String filter(Metadata metadata, Object source) {
        Class<?> type = source instanceof Class<?> c ? c : source instanceof Aliased<?> a ? a.entityType() : null;
        if (type == null) {
            return null;
        }
        EntityModel model;
        try {
            model = metadata.entity(type);
        } catch (RuntimeException notAnEntity) {
            return null;
        }
        InheritanceModel inheritance = model.inheritance();
        if (inheritance == null || !inheritance.filters(type)) {
            return null;
        }
        return inheritance.discriminatorIn(metadata.dialect()::quote);
    }

    /**
     * The FROM item of {@code scopes} that is an entity class of the same single-table hierarchy as {@code source}
     * (an attribute of a subclass used in a query of its root reads the root's table), or {@code null}.
     */
    static <S> S sameHierarchy(Metadata metadata, Collection<List<S>> scopes, Object source, Function<S, Object> key) {
        if (!(source instanceof Class<?> type)) {
            return null;
        }
        Class<?> root;
        try {
            root = metadata.entity(type).rootType();
        } catch (RuntimeException notAnEntity) {
            return null;
        }
        if (root == type && metadata.entity(type).inheritance() == null) {
            return null;
        }
        for (List<S> scope : scopes) {
            for (S s : scope) {
                if (key.apply(s) instanceof Class<?> c && c != type && (c.isAssignableFrom(type) || type.isAssignableFrom(c))) {
                    try {
                        if (metadata.entity(c).rootType() == root) {
                            return s;
                        }
                    } catch (RuntimeException notAnEntity) {
                        // not an entity: keep looking
                    }
                }
            }
        }
        return null;
    }
}

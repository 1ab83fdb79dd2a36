package io.athanor.orm.internal.meta;

import io.athanor.orm.internal.types.ImmutableTypes;

/**
 * Whether a flush may trust an entity class's reports of its own field writes and skip its instances that
 * report none: only for a class the enhancer rewrote ({@link io.athanor.orm.enhance.Tracked}) whose every column
 * is a field of the class itself holding an immutable value, and whose relationships are all to-one fields of the
 * class itself. Embedded values, mutable values (arrays, dates, JSON objects) and collections can change without a
 * field write of the class, so their instances are compared at every flush. Stateless.
 */
final class WriteTracking {
    private WriteTracking() {
    }

    static boolean tracked(EntityModel model) {
        Class<?> type = model.type();
        if (!java.util.Arrays.asList(type.getInterfaces()).contains(io.athanor.orm.enhance.Tracked.class)) {
            return false;
        }
        for (PropertyModel p : model.properties()) {
            if (p.path().indexOf('.') >= 0 || !declares(type, p.path()) || !ImmutableTypes.known(p.javaType())) {
                return false;
            }
        }
        for (RelationshipModel r : model.relationships()) {
            if (r.toMany() || !declares(type, r.name())) {
                return false;
            }
        }
        return true;
    }

    private static boolean declares(Class<?> type, String field) {
        try {
            type.getDeclaredField(field);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}

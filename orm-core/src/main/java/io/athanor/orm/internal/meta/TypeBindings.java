package io.athanor.orm.internal.meta;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The type arguments an entity class gives its generic superclasses ({@code Customer extends BaseEntity<Long>}),
 * so that a field declared as {@code ID id} in the superclass maps as a {@code Long}. Immutable once built.
 */
final class TypeBindings {
    private final Map<TypeVariable<?>, Type> bound = new HashMap<>();

    TypeBindings(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Type parent = c.getGenericSuperclass();
            if (parent instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = p.getActualTypeArguments();
                for (int i = 0; i < variables.length && i < arguments.length; i++) {
                    bound.put(variables[i], resolve(arguments[i]));
                }
            }
        }
    }

    /** {@code t} with the type variables this class binds replaced by their arguments. */
    Type resolve(Type t) {
        Type current = t;
        while (current instanceof TypeVariable<?> v && bound.containsKey(v)) {
            current = bound.get(v);
        }
        return current;
    }

    /** The class a field holds in this entity: its declared class, or the argument bound to its type variable. */
    Class<?> rawType(Field f) {
        Type t = resolve(f.getGenericType());
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return f.getType();
    }

    /** The single type argument of a field such as {@code List<T>}, resolved, or {@code null} when it has none. */
    Type elementType(Field f) {
        Type t = resolve(f.getGenericType());
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return resolve(p.getActualTypeArguments()[0]);
        }
        return null;
    }
}

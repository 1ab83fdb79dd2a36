package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/** Maps rows onto a class's constructor, column by column, through one method handle. Thread-safe. */
final class RowMapper<T> implements QueryExecutor.RowFactory<T> {
    private final Class<T> type;
    private final Class<?>[] parameterTypes;
    private final Class<?>[] boxedTypes;
    private final MethodHandle constructor;
    /** The constructor unspread, {@code (P0, ..., Pn-1)T}. */
    private final MethodHandle direct;

    private RowMapper(Class<T> type, Constructor<?> ctor) throws IllegalAccessException {
        this.type = type;
        this.parameterTypes = ctor.getParameterTypes();
        this.boxedTypes = new Class<?>[parameterTypes.length];
        for (int i = 0; i < parameterTypes.length; i++) {
            boxedTypes[i] = parameterTypes[i].isPrimitive()
                    ? java.lang.invoke.MethodType.methodType(parameterTypes[i]).wrap().returnType() : parameterTypes[i];
        }
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        this.direct = lookup.unreflectConstructor(ctor);
        this.constructor = direct
                .asSpreader(Object[].class, parameterTypes.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
    }

    /** Mappers per class and column count, built once: building one spins a method handle chain (and classes). */
    private static final ClassValue<java.util.Map<Integer, RowMapper<?>>> CACHE = new ClassValue<>() {
        @Override
        protected java.util.Map<Integer, RowMapper<?>> computeValue(Class<?> type) {
            return new java.util.concurrent.ConcurrentHashMap<>(2);
        }
    };

    @SuppressWarnings("unchecked")
    static <T> RowMapper<T> of(Class<T> type, int columns) {
        java.util.Map<Integer, RowMapper<?>> byCount = CACHE.get(type);
        RowMapper<?> known = byCount.get(columns);
        if (known == null) {
            known = build(type, columns);
            byCount.put(columns, known);
        }
        return (RowMapper<T>) known;
    }

    private static <T> RowMapper<T> build(Class<T> type, int columns) {
        Constructor<?> chosen = null;
        try {
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < types.length; i++) {
                    types[i] = components[i].getType();
                }
                chosen = type.getDeclaredConstructor(types);
            } else {
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (c.getParameterCount() == columns) {
                        if (chosen != null) {
                            throw new AthanorException(type.getName() + " has several constructors taking " + columns
                                    + " parameters; use a record, or keep one such constructor.");
                        }
                        chosen = c;
                    }
                }
            }
            if (chosen == null || chosen.getParameterCount() != columns) {
                throw new AthanorException("Cannot map rows of " + columns + " columns onto " + type.getName() + ": it needs a "
                        + "constructor (or record components) taking exactly " + columns + " values, in column order.");
            }
            return new RowMapper<>(type, chosen);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new AthanorException("Cannot use the constructor of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T create(Object[] values, java.util.List<String> labels) {
        return map(values, labels);
    }

    @Override
    public MethodHandle constructor() {
        return direct;
    }

    /** Makes one instance from one row's values, passed to the constructor as they are where their types already fit. */
    T map(Object[] values, java.util.List<String> labels) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                if (parameterTypes[i].isPrimitive()) {
                    throw new AthanorException("Column " + labels.get(i) + " is NULL, but parameter " + i + " of "
                            + type.getSimpleName() + " is a primitive " + parameterTypes[i] + "; make it a boxed type.");
                }
            } else if (!boxedTypes[i].isInstance(v)) {
                values[i] = io.athanor.orm.engine.Result.ofRows(labels, java.util.List.<Object[]>of(values)).rows().get(0)
                        .get(i, parameterTypes[i]);
            }
        }
        try {
            return type.cast(constructor.invokeExact(values));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AthanorException("The constructor of " + type.getName() + " threw " + t, t);
        }
    }
}

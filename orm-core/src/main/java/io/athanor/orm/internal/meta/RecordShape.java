package io.athanor.orm.internal.meta;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.types.ColumnTypes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

/**
 * How to take a record used as an embedded value apart and build it again: one method handle per accessor
 * and one for the canonical constructor, resolved at start-up and adapted so that calls need no reflection.
 * Immutable and thread-safe.
 */
final class RecordShape {
    private final Class<?> type;
    private final RecordComponent[] components;
    private final MethodHandle[] readers;
    private final MethodHandle constructor;
    private final Object[] defaults;

    /**
     * @throws NoSuchMethodException  if the canonical constructor cannot be found
     * @throws IllegalAccessException if the record's package is not open to Athanor
     */
    RecordShape(Class<?> type) throws NoSuchMethodException, IllegalAccessException {
        this.type = type;
        this.components = type.getRecordComponents();
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        this.readers = new MethodHandle[components.length];
        this.defaults = new Object[components.length];
        Class<?>[] parameters = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameters[i] = components[i].getType();
            readers[i] = lookup.unreflect(components[i].getAccessor())
                    .asType(MethodType.methodType(Object.class, Object.class));
            defaults[i] = parameters[i].isPrimitive() ? zero(parameters[i]) : null;
        }
        this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameters))
                .asSpreader(Object[].class, components.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
    }

    Class<?> type() {
        return type;
    }

    RecordComponent[] components() {
        return components.clone();
    }

    int index(String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    Object read(Object record, int index) {
        try {
            return (Object) readers[index].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AthanorException("Could not read " + type.getSimpleName() + "." + components[index].getName() + "(): "
                    + t, t);
        }
    }

    /** Every component of {@code record}, or the defaults (null, or zero for primitives) when it is null. */
    Object[] values(Object record) {
        if (record == null) {
            return defaults.clone();
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(record, i);
        }
        return values;
    }

    /**
     * Builds a record through its canonical constructor; all components {@code null} gives {@code null} (the
     * rule that maps a null embedded record to all-NULL columns and back).
     */
    Object build(Object[] values) {
        boolean allNull = true;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                allNull = false;
            } else if (components[i].getType().isPrimitive()) {
                throw new AthanorException("Cannot set the primitive component " + type.getSimpleName() + "."
                        + components[i].getName() + " to NULL; make it a boxed type ("
                        + ColumnTypes.box(components[i].getType()).getSimpleName() + ") if the column can be NULL.");
            }
        }
        if (allNull) {
            return null;
        }
        try {
            return (Object) constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AthanorException("The canonical constructor of " + type.getName() + " threw " + t, t);
        }
    }

    private static Object zero(Class<?> primitive) {
        try {
            return (Object) MethodHandles.zero(primitive).asType(MethodType.methodType(Object.class)).invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("no zero for " + primitive, t);
        }
    }
}

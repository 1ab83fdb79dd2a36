package io.athanor.orm.internal.meta;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.types.ColumnTypes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Field access through method handles made once at start-up and adapted to {@code (Object)Object}, so
 * reading and writing a field per row involves no reflection.
 */
final class FieldAccessor implements Accessor {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final Field field;
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** The class of the last instance written, and whether it reports its writes; shared by threads, written unlocked. */
    private SeenClass lastSeen;

    FieldAccessor(Field field, MethodHandles.Lookup lookup) throws IllegalAccessException {
        this.field = field;
        this.getter = lookup.unreflectGetter(field).asType(GETTER);
        this.setter = lookup.unreflectSetter(field).asType(SETTER);
    }

    @Override
    public Field field() {
        return field;
    }

    @Override
    public Object get(Object entity) {
        try {
            return (Object) getter.invokeExact(entity);
        } catch (Throwable t) {
            throw fail("read", t);
        }
    }

    @Override
    public void set(Object entity, Object value) {
        if (value == null && field.getType().isPrimitive()) {
            throw new AthanorException("Cannot set the primitive field " + field.getDeclaringClass().getSimpleName() + "."
                    + field.getName() + " to NULL; make it a boxed type (" + ColumnTypes.box(field.getType()).getSimpleName()
                    + ") if the column can be NULL.");
        }
        try {
            setter.invokeExact(entity, value);
        } catch (Throwable t) {
            throw fail("write", t);
        }
        if (tracked(entity)) { // a write the class's own code did not make
            io.athanor.orm.enhance.FieldWrites.changed(((io.athanor.orm.enhance.Tracked) entity).athanor$entry());
        }
    }

    /**
     * Whether {@code entity}'s class reports its writes, remembered for the last class met: an {@code instanceof} of an
     * interface the class does not implement scans its supertypes at every call, and cost several times the write.
     */
    private boolean tracked(Object entity) {
        Class<?> type = entity.getClass();
        SeenClass seen = lastSeen;
        if (seen == null || seen.type() != type) {
            seen = new SeenClass(type, entity instanceof io.athanor.orm.enhance.Tracked);
            lastSeen = seen; // unlocked: a thread that misses it decides again, with the same answer
        }
        return seen.tracked();
    }

    /** A class and whether its instances report their writes. */
    private record SeenClass(Class<?> type, boolean tracked) {
    }

    private AthanorException fail(String what, Throwable t) {
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new AthanorException("Could not " + what + " field " + field.getDeclaringClass().getName() + "."
                + field.getName() + ": " + t, t);
    }

    @Override
    public String toString() {
        return field.getDeclaringClass().getSimpleName() + "." + field.getName();
    }
}

package io.athanor.orm.internal.sql;

import io.athanor.orm.engine.Result;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.types.ColumnType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readers that make one result per row by calling a constructor with the columns as read, with no array of values
 * in between: one method handle per (constructor, column readers, labels), of type {@code (ResultSet)Object}, that
 * reads column {@code i} with its {@link ColumnType} and passes it as parameter {@code i}. A value whose type does not
 * fit its parameter is converted as {@link io.athanor.orm.engine.Row#get(int, Class)} converts it, and a NULL for a
 * primitive parameter is refused, as the array path does. Built once and kept (at most {@link #LIMIT} per compiler;
 * beyond that, callers go the array way). Thread-safe.
 */
final class DirectRows {
    /** The most readers kept; each one's handles stay compiled, so the set must not grow without end. */
    static final int LIMIT = 256;
    private static final MethodHandle READ;
    private static final MethodHandle FIT;
    private static final MethodHandle THREW;
    private static final MethodHandle READ_LONG;
    private static final MethodHandle READ_INT;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            READ = lookup.findVirtual(ColumnType.class, "read", MethodType.methodType(Object.class, ResultSet.class, int.class));
            FIT = lookup.findVirtual(Fit.class, "apply", MethodType.methodType(Object.class, Object.class));
            READ_LONG = lookup.findVirtual(Primitive.class, "readLong", MethodType.methodType(long.class, ResultSet.class));
            READ_INT = lookup.findVirtual(Primitive.class, "readInt", MethodType.methodType(int.class, ResultSet.class));
            THREW = lookup.findStatic(DirectRows.class, "threw", MethodType.methodType(Object.class, Class.class, Throwable.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Map<Key, MethodHandle> readers = new ConcurrentHashMap<>();

    /** What a reader is built from: equal keys give readers that do the same. */
    private record Key(MethodHandle constructor, List<ColumnType> columns, List<String> labels) {
    }

    /**
     * The reader calling {@code constructor} (of type {@code (P0, ..., Pn-1)R}) with the columns of {@code c}, or null
     * when some column has no reader of its own (its value is whatever the driver gives) or the counts differ.
     */
    MethodHandle reader(CompiledSelect c, MethodHandle constructor) {
        ColumnType[] columns = c.readers();
        if (columns == null || columns.length != constructor.type().parameterCount()) {
            return null;
        }
        for (ColumnType t : columns) {
            if (t == null) {
                return null;
            }
        }
        Key key = new Key(constructor, Arrays.asList(columns), c.labels());
        MethodHandle known = readers.get(key);
        if (known != null || readers.size() >= LIMIT) {
            return known;
        }
        MethodHandle built = build(constructor, columns, c.labels());
        MethodHandle kept = readers.putIfAbsent(key, built);
        return kept != null ? kept : built;
    }

    private static MethodHandle build(MethodHandle constructor, ColumnType[] columns, List<String> labels) {
        MethodType type = constructor.type();
        int n = type.parameterCount();
        MethodHandle[] filters = new MethodHandle[n];
        for (int i = 0; i < n; i++) {
            Class<?> parameter = type.parameterType(i);
            if (parameter.isPrimitive() && parameter == columns[i].primitive()) {
                Primitive column = new Primitive(i, labels.get(i), type.returnType());
                filters[i] = (parameter == long.class ? READ_LONG : READ_INT).bindTo(column);
                continue;
            }
            MethodHandle read = MethodHandles.insertArguments(READ.bindTo(columns[i]), 1, i + 1);
            read = MethodHandles.filterReturnValue(read, FIT.bindTo(new Fit(parameter, i, labels.get(i), type.returnType())));
            filters[i] = read.asType(MethodType.methodType(parameter, ResultSet.class));
        }
        MethodHandle call = constructor.asType(type.changeReturnType(Object.class));
        MethodHandle failure = MethodHandles.dropArguments(THREW.bindTo(type.returnType()), 1, type.parameterList());
        call = MethodHandles.catchException(call, Throwable.class, failure);
        MethodHandle all = MethodHandles.filterArguments(call, 0, filters);
        return MethodHandles.permuteArguments(all, MethodType.methodType(Object.class, ResultSet.class), new int[n]);
    }

    /** What a constructor threw: unchecked as it is, anything else wrapped, as the array path does. */
    private static Object threw(Class<?> type, Throwable t) {
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new AthanorException("The constructor of " + type.getName() + " threw " + t, t);
    }

    /**
     * Reads a column whose type reads it with {@code getLong} or {@code getInt} (see {@link ColumnType#primitive}) into a
     * parameter of that primitive type, with no box.
     */
    static final class Primitive {
        private final int index;
        private final String label;
        private final Class<?> result;

        Primitive(int index, String label, Class<?> result) {
            this.index = index;
            this.label = label;
            this.result = result;
        }

        long readLong(ResultSet rs) throws java.sql.SQLException {
            long v = rs.getLong(index + 1);
            if (v == 0L && rs.wasNull()) {
                throw isNull(long.class);
            }
            return v;
        }

        int readInt(ResultSet rs) throws java.sql.SQLException {
            int v = rs.getInt(index + 1);
            if (v == 0 && rs.wasNull()) {
                throw isNull(int.class);
            }
            return v;
        }

        private AthanorException isNull(Class<?> parameter) {
            return nullForPrimitive(label, index, result, parameter);
        }
    }

    static AthanorException nullForPrimitive(String label, int index, Class<?> result, Class<?> parameter) {
        return new AthanorException("Column " + label + " is NULL, but parameter " + index + " of " + result.getSimpleName()
                + " is a primitive " + parameter + "; make it a boxed type.");
    }

    /** Makes one column's value fit its parameter. */
    static final class Fit {
        private final Class<?> parameter;
        private final Class<?> boxed;
        private final int index;
        private final String label;
        private final Class<?> result;

        Fit(Class<?> parameter, int index, String label, Class<?> result) {
            this.parameter = parameter;
            this.boxed = parameter.isPrimitive() ? MethodType.methodType(parameter).wrap().returnType() : parameter;
            this.index = index;
            this.label = label;
            this.result = result;
        }

        Object apply(Object value) {
            if (value == null) {
                if (parameter.isPrimitive()) {
                    throw nullForPrimitive(label, index, result, parameter);
                }
                return null;
            }
            if (boxed.isInstance(value)) {
                return value;
            }
            return Result.ofRows(List.of(label), List.<Object[]>of(new Object[] {value})).rows().get(0).get(0, parameter);
        }
    }
}

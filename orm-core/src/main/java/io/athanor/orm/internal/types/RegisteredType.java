package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.types.ValueType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A user's {@link ValueType} as a column type on one dialect. */
final class RegisteredType implements ColumnType {
    private final ValueType<Object> type;
    private final Dialect dialect;
    private final SqlType sqlType;
    /** Whether the type declares {@link ValueType#copy}: its values change in place. */
    private final boolean mutable;

    @SuppressWarnings("unchecked")
    RegisteredType(ValueType<?> type, Dialect dialect) {
        this.type = (ValueType<Object>) type;
        this.dialect = dialect;
        String name = type.sqlType(dialect);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(type.getClass().getName() + ".sqlType(" + dialect.name() + ") returned no type "
                    + "name; return the column type as written in DDL.");
        }
        this.sqlType = new SqlType(SqlType.Kind.VARCHAR, 0, 0, 0, name);
        this.mutable = declaresCopy(type.getClass());
    }

    private static boolean declaresCopy(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("copy") && m.getParameterCount() == 1 && !m.isBridge() && !m.isSynthetic()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean mutable() {
        return mutable;
    }

    @Override
    public Object snapshot(Object value) {
        return mutable && value != null ? type.copy(value) : value;
    }

    @Override
    public SqlType sqlType() {
        return sqlType;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            type.bindNull(ps, index, dialect);
        } else {
            type.bind(ps, index, value, dialect);
        }
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        return type.read(rs, index, dialect);
    }

    /** The value's text form: what COPY sends. */
    @Override
    public Object toDatabase(Object value) {
        return type.text(value);
    }

    /** Its text form is not the Java value's. */
    @Override
    public boolean converted() {
        return true;
    }
}

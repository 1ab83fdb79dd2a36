package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.error.AthanorException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/** An enum stored by constant name. */
final class NameEnumType implements ColumnType {
    private final Class<?> enumType;
    private final SqlType sqlType;
    private final Map<String, Object> byName = new HashMap<>();

    NameEnumType(Class<?> enumType, SqlType sqlType) {
        this.enumType = enumType;
        this.sqlType = sqlType;
        for (Object c : enumType.getEnumConstants()) {
            byName.put(((Enum<?>) c).name(), c);
        }
    }

    @Override
    public SqlType sqlType() {
        return sqlType;
    }

    @Override
    public Object toDatabase(Object value) {
        return ((Enum<?>) value).name();
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, ((Enum<?>) value).name());
        }
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        String name = rs.getString(index);
        if (name == null) {
            return null;
        }
        Object constant = byName.get(name);
        if (constant == null) {
            throw new AthanorException("The database holds '" + name + "', which is not a constant of " + enumType.getName()
                    + " " + byName.keySet() + ". Add the constant, or fix the stored value.");
        }
        return constant;
    }
}

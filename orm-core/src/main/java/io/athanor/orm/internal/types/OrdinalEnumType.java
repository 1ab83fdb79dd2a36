package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.error.AthanorException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** An enum stored by constant position. */
final class OrdinalEnumType implements ColumnType {
    private final Class<?> enumType;
    private final Object[] constants;
    private final SqlType sqlType;

    OrdinalEnumType(Class<?> enumType, SqlType sqlType) {
        this.enumType = enumType;
        this.constants = enumType.getEnumConstants();
        this.sqlType = sqlType;
    }

    @Override
    public SqlType sqlType() {
        return sqlType;
    }

    @Override
    public Object toDatabase(Object value) {
        return ((Enum<?>) value).ordinal();
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, ((Enum<?>) value).ordinal());
        }
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        int ordinal = rs.getInt(index);
        if (rs.wasNull()) {
            return null;
        }
        if (ordinal < 0 || ordinal >= constants.length) {
            throw new AthanorException("The database holds ordinal " + ordinal + ", but " + enumType.getName() + " has only "
                    + constants.length + " constants. Was a constant removed or reordered?");
        }
        return constants[ordinal];
    }
}

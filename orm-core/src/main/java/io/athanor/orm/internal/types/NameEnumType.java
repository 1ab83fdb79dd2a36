package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.error.AthanorException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An enum stored as text: each constant's name, or its label for a database enum. Bound untyped (so the
 * database takes it as the column's own type) where the column's SQL type would refuse a varchar.
 */
class NameEnumType implements ColumnType {
    private final Class<?> enumType;
    private final SqlType sqlType;
    private final boolean untyped;
    private final String[] labels;
    private final Map<String, Object> byLabel = new HashMap<>();

    NameEnumType(Class<?> enumType, SqlType sqlType, boolean untyped) {
        this(enumType, sqlType, untyped, names(enumType));
    }

    /** @param labels the stored text of each constant, in declaration order */
    NameEnumType(Class<?> enumType, SqlType sqlType, boolean untyped, List<String> labels) {
        this.enumType = enumType;
        this.sqlType = sqlType;
        this.untyped = untyped;
        this.labels = labels.toArray(new String[0]);
        Object[] constants = enumType.getEnumConstants();
        for (int i = 0; i < constants.length; i++) {
            byLabel.put(this.labels[i], constants[i]);
        }
    }

    private static List<String> names(Class<?> enumType) {
        return java.util.Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /** The stored text of each constant, in declaration order. */
    final List<String> labels() {
        return List.of(labels);
    }

    @Override
    public SqlType sqlType() {
        return sqlType;
    }

    @Override
    public Object toDatabase(Object value) {
        return labels[((Enum<?>) value).ordinal()];
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, untyped ? Types.OTHER : Types.VARCHAR);
        } else if (untyped) {
            ps.setObject(index, labels[((Enum<?>) value).ordinal()], Types.OTHER);
        } else {
            ps.setString(index, labels[((Enum<?>) value).ordinal()]);
        }
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        String label = rs.getString(index);
        if (label == null) {
            return null;
        }
        Object constant = byLabel.get(label);
        if (constant == null) {
            throw new AthanorException("The database holds '" + label + "', which is not a constant of " + enumType.getName()
                    + " " + byLabel.keySet() + ". Add the constant (with @EnumLabel if the stored text is not its name), or fix "
                    + "the stored value.");
        }
        return constant;
    }
}

package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.types.JsonCodec;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A {@code @Json} field: written as JSON text by the factory's {@link JsonCodec}, read back into the field's
 * (generic) type, stored in the dialect's JSON column type. Snapshots are deep copies and values compare as
 * the codec says (Jackson's: by their JSON trees), so that a change made inside the value (a property set, an
 * element added) is flushed and an unchanged value is not rewritten. Immutable and thread-safe (as the codec is).
 */
final class JsonColumnType implements ColumnType {
    private final JsonCodec.OfType codec;
    private final String typeName;
    private final SqlType sqlType;
    private final Dialect.JsonBinding binding;
    private final String where;

    private JsonColumnType(JsonCodec.OfType codec, String typeName, SqlType sqlType, Dialect.JsonBinding binding, String where) {
        this.codec = codec;
        this.typeName = typeName;
        this.sqlType = sqlType;
        this.binding = binding;
        this.where = where;
    }

    /**
     * @param codec the factory's codec
     * @param where the field, as messages name it
     */
    static JsonColumnType of(Type fieldType, boolean binary, JsonCodec codec, String custom, Dialect dialect, String where) {
        String ddl = custom != null ? custom : dialect.jsonTypeName(binary);
        return new JsonColumnType(codec.forType(fieldType), fieldType.getTypeName(), new SqlType(SqlType.Kind.VARCHAR, 0, 0, 0, ddl),
                dialect.jsonBinding(), where);
    }

    @Override
    public SqlType sqlType() {
        return sqlType;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (binding) {
            case UNTYPED:
                if (value == null) {
                    ps.setNull(index, Types.OTHER);
                } else {
                    ps.setObject(index, text(value), Types.OTHER);
                }
                break;
            case UTF8_BYTES:
                if (value == null) {
                    ps.setNull(index, Types.VARBINARY);
                } else {
                    ps.setBytes(index, text(value).getBytes(StandardCharsets.UTF_8));
                }
                break;
            default:
                if (value == null) {
                    ps.setNull(index, Types.VARCHAR);
                } else {
                    ps.setString(index, text(value));
                }
        }
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        String text;
        if (binding == Dialect.JsonBinding.UTF8_BYTES) {
            byte[] bytes = rs.getBytes(index);
            text = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        } else {
            text = rs.getString(index);
        }
        if (text == null) {
            return null;
        }
        try {
            return codec.read(text);
        } catch (RuntimeException e) {
            throw new AthanorException("The JSON stored for " + where + " cannot be read as a " + typeName + ": "
                    + e.getMessage() + ". Fix the stored value, or change the field's type to one it fits (a "
                    + "Map<String, Object> or a JsonNode take any JSON object).", e);
        }
    }

    /** The value's JSON text, as COPY writes it. */
    @Override
    public Object toDatabase(Object value) {
        return text(value);
    }

    @Override
    public boolean mutable() {
        return true;
    }

    @Override
    public Object snapshot(Object value) {
        if (value == null) {
            return null;
        }
        String text = text(value);
        try {
            return codec.read(text);
        } catch (RuntimeException e) {
            throw new AthanorException("The value of " + where + " does not read back from its own JSON as a "
                    + typeName + ": " + e.getMessage() + ". Give its class what the JSON codec needs to read it (for "
                    + "Jackson: a no-argument or @JsonCreator constructor, setters or fields), or configure the codec.", e);
        }
    }

    @Override
    public boolean same(Object value, Object snapshot) {
        if (value == null || snapshot == null) {
            return value == snapshot;
        }
        return value == snapshot || codec.same(value, snapshot);
    }

    private String text(Object value) {
        try {
            return codec.write(value);
        } catch (RuntimeException e) {
            throw new AthanorException(where + " cannot be written as JSON: " + e.getMessage() + ". Make its class "
                    + "writable by the JSON codec (for Jackson: getters or public fields), or configure the codec.", e);
        }
    }
}

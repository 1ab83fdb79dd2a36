package io.athanor.orm.internal.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.error.AthanorException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A {@code @Json} field: written as JSON text by a Jackson {@link ObjectMapper}, read back into the field's
 * (generic) type, stored in the dialect's JSON column type. Snapshots are deep copies and values compare by
 * their JSON trees, so that a change made inside the value (a property set, an element added) is flushed and
 * an unchanged value is not rewritten. Only this class refers to Jackson, so orm-core runs without it until a
 * JSON field is mapped. Immutable and thread-safe (as the mapper is, once configured).
 */
final class JsonColumnType implements ColumnType {
    /** The mapper of factories that do not set one: Jackson's defaults plus the modules found on the class path. */
    private static final class Default {
        static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    }

    private final ObjectMapper mapper;
    private final JavaType javaType;
    private final SqlType sqlType;
    private final Dialect.JsonBinding binding;
    private final String where;

    private JsonColumnType(ObjectMapper mapper, JavaType javaType, SqlType sqlType, Dialect.JsonBinding binding, String where) {
        this.mapper = mapper;
        this.javaType = javaType;
        this.sqlType = sqlType;
        this.binding = binding;
        this.where = where;
    }

    /**
     * @param mapper an {@link ObjectMapper}, or {@code null} for the default one
     * @param where  the field, as messages name it
     */
    static JsonColumnType of(Type fieldType, boolean binary, Object mapper, String custom, Dialect dialect, String where) {
        ObjectMapper m = mapper == null ? Default.MAPPER : (ObjectMapper) mapper;
        String ddl = custom != null ? custom : dialect.jsonTypeName(binary);
        return new JsonColumnType(m, m.getTypeFactory().constructType(fieldType), new SqlType(SqlType.Kind.VARCHAR, 0, 0, 0, ddl),
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
            return mapper.readValue(text, javaType);
        } catch (JsonProcessingException e) {
            throw new AthanorException("The JSON stored for " + where + " cannot be read as a " + javaType.toCanonical() + ": "
                    + e.getOriginalMessage() + ". Fix the stored value, or change the field's type to one it fits (a "
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
        try {
            return mapper.readValue(text(value), javaType);
        } catch (JsonProcessingException e) {
            throw new AthanorException("The value of " + where + " does not read back from its own JSON as a "
                    + javaType.toCanonical() + ": " + e.getOriginalMessage() + ". Give its class what Jackson needs to read "
                    + "it (a no-argument or @JsonCreator constructor, setters or fields), or configure the ObjectMapper.", e);
        }
    }

    @Override
    public boolean same(Object value, Object snapshot) {
        if (value == null || snapshot == null) {
            return value == snapshot;
        }
        return value == snapshot || mapper.valueToTree(value).equals(mapper.valueToTree(snapshot));
    }

    private String text(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AthanorException(where + " cannot be written as JSON: " + e.getOriginalMessage() + ". Make its class "
                    + "serializable by Jackson (getters or public fields), or configure the ObjectMapper.", e);
        }
    }
}

package io.athanor.orm.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The {@link JsonCodec} backed by Jackson ({@code com.fasterxml.jackson.core:jackson-databind}, 2.x). Only this
 * class refers to Jackson, and it is loaded only when used, so applications without Jackson never load it.
 * Values compare by their JSON trees, so the order of a map's keys does not make a value look changed.
 * Immutable and thread-safe, as the mapper is once configured.
 */
public final class JacksonJson implements JsonCodec {
    /** The mapper of {@link #defaults()}: made on first use. */
    private static final class Default {
        static final JacksonJson CODEC = new JacksonJson(new ObjectMapper().findAndRegisterModules());
    }

    private final ObjectMapper mapper;

    private JacksonJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A codec writing and reading with {@code mapper} (its modules, naming and date settings apply). Configure the
     * mapper fully before the factory is built; it is shared by every session afterwards.
     *
     * @throws NullPointerException if {@code mapper} is null
     */
    public static JsonCodec using(ObjectMapper mapper) {
        return new JacksonJson(Objects.requireNonNull(mapper, "mapper"));
    }

    /**
     * The codec a factory uses when none is given: a mapper with Jackson's defaults and the modules found on the
     * class path ({@code findAndRegisterModules}).
     */
    public static JsonCodec defaults() {
        return Default.CODEC;
    }

    @Override
    public OfType forType(Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        return new OfType() {
            @Override
            public String write(Object value) {
                try {
                    return mapper.writeValueAsString(value);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(e.getOriginalMessage(), e);
                }
            }

            @Override
            public Object read(String json) {
                try {
                    return mapper.readValue(json, javaType);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(e.getOriginalMessage(), e);
                }
            }

            @Override
            public boolean same(Object a, Object b) {
                return mapper.valueToTree(a).equals(mapper.valueToTree(b));
            }

            @Override
            public String toString() {
                return javaType.toCanonical();
            }
        };
    }
}

package io.athanor.orm.types;

import java.lang.reflect.Type;

/**
 * Writes and reads the values of {@code @Json} fields as JSON text. A session factory uses one codec for all of
 * its JSON fields: the one given to {@link io.athanor.orm.SessionFactoryBuilder#jsonCodec(JsonCodec)}, or, when
 * none is given and Jackson is on the class path, {@link JacksonJson#defaults()}. Implement it to store JSON with
 * another library; Athanor's own classes never refer to Jackson outside {@link JacksonJson}.
 *
 * <p>{@link #forType(Type)} is called once per {@code @Json} field when the factory is built; the
 * {@link OfType} it returns then writes and reads every value of that field. Both must be thread-safe: one
 * instance serves every session at once. A value that cannot be written or a text that cannot be read is an
 * exception from {@link OfType#write} or {@link OfType#read} (an {@link IllegalArgumentException} saying why);
 * Athanor reports it naming the field.
 *
 * <pre>{@code
 * SessionFactory.builder(engine)
 *         .entities(Product.class)
 *         .jsonCodec(JacksonJson.using(myObjectMapper))
 *         .build();
 * }</pre>
 */
public interface JsonCodec {

    /**
     * The codec of one field's values.
     *
     * @param type the field's generic type ({@code Map<String, Object>}, {@code List<Part>}, a record ...)
     * @throws IllegalArgumentException if this codec cannot handle {@code type}; the message says why
     */
    OfType forType(Type type);

    /** Writes and reads the values of one field type. Thread-safe. */
    interface OfType {

        /** The JSON text of {@code value}, which is never {@code null}. */
        String write(Object value);

        /** The value {@code json}, never {@code null}, stands for, as an instance of the field's type. */
        Object read(String json);

        /**
         * Whether two values, neither {@code null}, are the same JSON: a flush writes a field only when its value
         * is not the same as the one last read or written. By default their texts are compared; a codec whose
         * text depends on more than the content (the order of a map's keys) compares parsed trees instead.
         */
        default boolean same(Object a, Object b) {
            return write(a).equals(write(b));
        }
    }
}

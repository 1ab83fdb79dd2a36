package io.athanor.orm.internal.meta;

/** Reads and writes one mapped field of an entity (or of an embedded value inside it). */
public interface Accessor {

    Object get(Object entity);

    void set(Object entity, Object value);

    /**
     * The field this accessor reads directly on the entity, for code generated to read it without a method
     * handle; {@code null} when the value is reached another way (through an embedded value, a record).
     */
    default java.lang.reflect.Field field() {
        return null;
    }
}
